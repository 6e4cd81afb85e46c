/// Builds `!Sub` from Swift string interpolation: `"arn:\(AWS.partition):s3:::\(bucket.name)/*"`.
///
/// Literal text is escaped (`${` becomes `${!`), references become `${Name}` and `${Name.Attribute}`, and any
/// other intrinsic becomes a named variable of the `!Sub`. A string with no intrinsic in it stays a plain string.
public struct SubInterpolation: StringInterpolationProtocol, Sendable {
    enum Segment: Sendable {
        case literal(String)
        case reference(String)
        case variable(TemplateValue)
    }

    var segments: [Segment] = []

    public init(literalCapacity: Int, interpolationCount: Int) {
        segments.reserveCapacity(interpolationCount * 2 + 1)
    }

    public mutating func appendLiteral(_ literal: String) {
        if !literal.isEmpty { segments.append(.literal(literal)) }
    }

    /// A typed string value: literal text, a reference, or an intrinsic.
    public mutating func appendInterpolation(_ value: Value<String>) {
        append(value.templateValue)
    }

    /// A number, literal or computed.
    public mutating func appendInterpolation<N: IntegerLiteralTemplateValue>(_ value: Value<N>) {
        append(value.templateValue)
    }

    /// Plain Swift text, taken literally.
    public mutating func appendInterpolation(_ text: String) {
        appendLiteral(text)
    }

    /// A plain Swift integer, taken literally.
    public mutating func appendInterpolation(_ number: Int) {
        appendLiteral(String(number))
    }

    private mutating func append(_ value: TemplateValue) {
        switch value {
        case .string(let text):
            appendLiteral(text)
        case .int(let number):
            appendLiteral(String(number))
        case .intrinsic(.ref(let name)):
            segments.append(.reference(name))
        case .intrinsic(.getAtt(let resource, .string(let attribute))):
            segments.append(.reference("\(resource).\(attribute)"))
        default:
            segments.append(.variable(value))
        }
    }

    /// The finished value: a plain string, or `!Sub` with variables named so they clash with no reference.
    var value: TemplateValue {
        let hasIntrinsic = segments.contains { if case .literal = $0 { false } else { true } }
        guard hasIntrinsic else {
            return .string(segments.map { if case .literal(let text) = $0 { text } else { "" } }.joined())
        }
        let referenced = Set(segments.compactMap { segment -> String? in
            if case .reference(let name) = segment { String(name.prefix { $0 != "." }) } else { nil }
        })
        var text = ""
        var variables = TemplateMap()
        var counter = 0
        for segment in segments {
            switch segment {
            case .literal(let literal):
                text += SubString.escaped(literal)
            case .reference(let name):
                text += "${\(name)}"
            case .variable(let value):
                var name: String
                repeat {
                    counter += 1
                    name = "Var\(counter)"
                } while referenced.contains(name)
                variables[name] = value
                text += "${\(name)}"
            }
        }
        return .intrinsic(.sub(text, variables))
    }
}

extension Value: ExpressibleByStringInterpolation where T == String {
    public init(stringInterpolation: SubInterpolation) {
        self.init(unchecked: stringInterpolation.value)
    }
}
