import CloudFormation
import Testing

@Suite("Round trip")
struct RoundTripTests {
    @Test("thousands of random templates read back as the same model", arguments: [TemplateWriter.Format.yaml, .json])
    func randomTemplates(format: TemplateWriter.Format) throws {
        var generator = RandomTemplates(seed: format == .yaml ? 2026 : 1121)
        for index in 0..<2_000 {
            let template = generator.template()
            let text = try TemplateWriter.render(template, format: format)
            let read = try TemplateReader.read(text)
            if read != template {
                Issue.record("template \(index) (\(format)) did not round-trip:\n\(text)")
                return
            }
            // Writing what was read gives the same bytes.
            #expect(try TemplateWriter.render(read, format: format) == text)
        }
    }

    @Test("the kitchen-sink template round-trips in both formats")
    func kitchenSink() throws {
        let template = SampleTemplates.kitchenSink()
        for format in TemplateWriter.Format.allCases {
            #expect(try TemplateReader.read(TemplateWriter.render(template, format: format)) == template)
        }
    }
}
