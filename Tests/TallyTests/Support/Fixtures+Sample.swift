import Foundation
import Tally

extension Fixtures {
    /// `Tests/TallyTests/Fixtures/sample-events.jsonl`, read into memory and
    /// named `sample-events.jsonl`, so reports that name files are the same
    /// wherever the repository is checked out.
    static var sampleLog: EventInput {
        let url = directory.appendingPathComponent("sample-events.jsonl")
        return .text(try! String(contentsOf: url, encoding: .utf8), name: "sample-events.jsonl")
    }

    /// The real trace as a file input.
    static var realTraceLog: EventInput { .file(realTrace.path) }
}
