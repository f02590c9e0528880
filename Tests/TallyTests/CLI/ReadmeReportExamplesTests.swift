import Foundation
import Testing

@Suite("the README's report examples print as shown")
struct ReadmeReportExamplesTests {
    /// The `console` blocks of the README's "Reports for operators" section: a `$ tally …` line, then the output.
    static func examples() throws -> [(arguments: [String], output: String)] {
        let readme = try String(contentsOf: Fixtures.root.appendingPathComponent("README.md"), encoding: .utf8)
        let start = try #require(readme.range(of: "\n## Reports for operators\n"))
        let rest = readme[start.upperBound...]
        let section = rest.range(of: "\n## ").map { rest[..<$0.lowerBound] } ?? rest
        return section.components(separatedBy: "```console\n").dropFirst().map { block in
            let body = block.components(separatedBy: "```")[0]
            let command = body.prefix { $0 != "\n" }
            return (command.dropFirst("$ tally ".count).split(separator: " ").map(String.init),
                    String(body.dropFirst(command.count + 1)))
        }
    }

    @Test("one example of each report, output exactly as the README shows it")
    func examples() throws {
        let examples = try Self.examples()
        #expect(examples.map { $0.arguments.first } == ["invoice", "summary", "usage", "explain"])
        for example in examples {
            let result = try TallyExecutable.run(example.arguments, environment: ["LC_ALL": "", "LC_CTYPE": "", "LANG": "C.UTF-8"])
            #expect(result.status == 0)
            #expect(result.standardOutput.replacingOccurrences(of: "\r\n", with: "\n") == example.output,
                    "tally \(example.arguments.joined(separator: " "))")
        }
    }
}
