import CloudFormation
import TestSupport

/// Random templates in the space the writer and the reader promise to round-trip.
struct RandomTemplates {
    var random: SeededGenerator

    init(seed: UInt64) { random = SeededGenerator(seed: seed) }

    private static let awkward = [
        "", " ", "true", "no", "Yes", "~", "null", "00123", "1e3", "0x1F", "1:20", "2001-12-14", "- item", "a: b",
        "a #b", "*star", "&anchor", "!bang", "%percent", "@at", "`tick", "'single'", "\"double\"", "{brace}", "[list]",
        "multi\nline", "multi\nline\n", "  leading", "trailing  ", "tab\there", "ünïcödé ✓", "日本語", "emoji 🎉",
        "${NotSub}", "back\\slash", "colon:", "?question", "#hash", "|pipe", ">fold", ",comma", "=", "<<",
    ]

    mutating func int(_ range: ClosedRange<Int>) -> Int { Int.random(in: range, using: &random) }
    mutating func chance(_ percent: Int) -> Bool { int(1...100) <= percent }

    mutating func id() -> String {
        let letters = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789")
        return "R" + String((0..<int(0...8)).map { _ in letters[int(0...(letters.count - 1))] })
    }

    mutating func string() -> String {
        if chance(40) { return Self.awkward[int(0...(Self.awkward.count - 1))] }
        let pieces = ["a", "Z", "9", " ", ":", "#", "-", "'", "\"", "\\", "\n", "é", "€", "{", "}", "$", "!", "*", "&", ".", "/"]
        return String((0..<int(0...12)).map { _ in pieces[int(0...(pieces.count - 1))] }.joined())
    }

    mutating func key() -> String {
        var key = chance(20) ? string() : id()
        if key == "Ref" || key == "Condition" || key.hasPrefix("Fn::") { key += "x" }
        return key
    }

    mutating func value(depth: Int) -> TemplateValue {
        let choice = depth <= 0 ? int(0...4) : int(0...9)
        switch choice {
        case 0: return .string(string())
        case 1: return .int(int(-1_000_000...1_000_000))
        case 2: return .double(chance(70) ? Double(int(-10_000...10_000)) / 8 : Double(int(1...9)) * [1e-7, 1e-5, 1e20, 1e300][int(0...3)])
        case 3: return .bool(chance(50))
        case 4: return chance(50) ? .null : .string(string())
        case 5: return .list((0..<int(0...4)).map { _ in value(depth: depth - 1) })
        case 6, 7:
            var map = TemplateMap()
            for _ in 0..<int(0...4) { map[key()] = value(depth: depth - 1) }
            return map.count == 1 ? .map(map.adding("Extra", 1)) : .map(map)
        default: return .intrinsic(intrinsic(depth: depth - 1))
        }
    }

    /// An argument of a one-argument intrinsic: a string, a list or another intrinsic, as CloudFormation allows.
    mutating func argument(depth: Int) -> TemplateValue {
        switch int(0...2) {
        case 0: .string(string())
        case 1: .list((0..<int(0...3)).map { _ in value(depth: depth - 1) })
        default: .intrinsic(intrinsic(depth: depth - 1))
        }
    }

    mutating func intrinsic(depth: Int) -> Intrinsic {
        switch int(0...18) {
        case 0: return .ref(id())
        case 1: return .getAtt(id(), chance(80) ? .string(id() + (chance(30) ? ".Address" : "")) : .intrinsic(.ref(id())))
        case 2: return .sub(string(), [:])
        case 3:
            var variables = TemplateMap()
            for _ in 0..<int(1...3) { variables[id()] = value(depth: depth) }
            return .sub(string(), variables)
        case 4: return .join(string(), value(depth: depth))
        case 5: return .select(value(depth: depth), value(depth: depth))
        case 6: return .split(string(), value(depth: depth))
        case 7: return .if(id(), value(depth: depth), value(depth: depth))
        case 8: return .equals(value(depth: depth), value(depth: depth))
        case 9: return .and((0..<int(2...4)).map { _ in .intrinsic(.condition(id())) })
        case 10: return .or((0..<int(2...4)).map { _ in value(depth: depth) })
        case 11: return .not(.intrinsic(.condition(id())))
        case 12: return .ref("AWS::Region")  // `Condition` stands only inside condition functions
        case 13: return .findInMap(value(depth: depth), value(depth: depth), value(depth: depth))
        case 14: return .importValue(argument(depth: depth))
        case 15: return .getAZs(argument(depth: depth))
        case 16: return .cidr(value(depth: depth), value(depth: depth), value(depth: depth))
        case 17: return .base64(argument(depth: depth))
        default:
            var parameters = TemplateMap()
            for _ in 0..<int(0...2) { parameters[id()] = value(depth: depth) }
            return chance(50) ? .transform(id(), parameters) : .other("Fn::" + id(), argument(depth: depth))
        }
    }

    mutating func template() -> Template {
        var template = Template(formatVersion: chance(80) ? Template.formatVersion2010 : nil, description: chance(70) ? string() : nil)
        if chance(30) { template.metadata = TemplateMap([(key(), value(depth: 2)), ("Second", 2)]) }
        if chance(30) { template.transform = chance(50) ? .string(Template.serverlessTransform) : .list(["A", "B"]) }
        for index in 0..<int(0...3) {
            template.parameters.append(ParameterDefinition(id: LogicalID("Param\(index)X\(id())"), properties: ["Type": "String", "Default": .string(string()), "NoEcho": .bool(chance(50))]))
        }
        for _ in 0..<int(0...2) { template.mappings[id()] = ["Top": ["Second": value(depth: 1)], "Other": ["X": 1]] }
        for _ in 0..<int(0...3) { template.conditions[id()] = .intrinsic(.equals(value(depth: 1), .intrinsic(.ref(id())))) }
        if chance(20) { template.rules[id()] = ["Assertions": [["Assert": .intrinsic(.equals("a", "b"))]]] }
        for index in 0..<int(1...6) {
            var attributes = ResourceAttributes()
            attributes.dependsOn = (0..<int(0...2)).map { _ in LogicalID(id()) }
            if chance(30) { attributes.condition = LogicalID(id()) }
            if chance(30) { attributes.deletionPolicy = DeletionPolicy.allCases[int(0...3)] }
            if chance(20) { attributes.updateReplacePolicy = DeletionPolicy.allCases[int(0...3)] }
            if chance(20) { attributes.metadata = TemplateMap([(key(), value(depth: 2)), ("Second", 2)]) }
            if chance(10) { attributes.updatePolicy = value(depth: 2) }
            if chance(10) { attributes.creationPolicy = ["ResourceSignal": ["Count": 1]] }
            var properties = TemplateMap()
            for _ in 0..<int(0...6) { properties[key()] = value(depth: 4) }
            template.resources.append(TemplateResource(id: LogicalID("Res\(index)X\(id())"), type: ResourceType("AWS::\(id())::\(id())"), properties: properties, attributes: attributes))
        }
        for index in 0..<int(0...3) {
            template.outputs.append(OutputDefinition(id: LogicalID("Out\(index)X\(id())"), properties: ["Value": value(depth: 3), "Description": .string(string())]))
        }
        return template
    }
}

extension TemplateMap {
    func adding(_ key: String, _ value: TemplateValue) -> TemplateMap {
        var copy = self
        copy[key] = value
        return copy
    }
}
