import Foundation

/// The inputs of one run, by index, and a way to read any line of them again
/// by its ``LineLocation`` (for a rejection found during replay, or a report
/// that names an event's id). Standard input is copied to a spool file as it
/// streams by, so it can be read again too.
struct InputCatalog: Sendable {
    private(set) var inputs: [EventInput] = []
    private var spools: [Int: String] = [:]

    var names: [String] { inputs.map(\.name) }

    mutating func add(_ input: EventInput) -> UInt16 {
        inputs.append(input)
        return UInt16(inputs.count - 1)
    }

    mutating func setSpool(_ path: String, for source: UInt16) {
        spools[Int(source)] = path
    }

    /// The spool file that holds a copy of standard input read as `source`.
    func spool(for source: UInt16) -> String? {
        spools[Int(source)]
    }

    func location(_ line: LineLocation) -> SourceLocation {
        SourceLocation(file: inputs[Int(line.source)].name, line: Int(line.line))
    }

    /// The bytes of a line read earlier, or `nil` when the input can't be read again.
    func bytes(at line: LineLocation) -> [UInt8]? {
        let input = inputs[Int(line.source)]
        let path: String
        switch input.origin {
        case let .bytes(bytes):
            let start = Int(line.offset)
            let end = start + min(Int(line.length), LineReader.maximumLineLength)
            guard start >= 0, end <= bytes.count else { return nil }
            return Array(bytes[start..<end])
        case let .file(filePath):
            path = filePath
        case .standardInput:
            guard let spool = spools[Int(line.source)] else { return nil }
            path = spool
        }
        guard let handle = FileHandle(forReadingAtPath: path) else { return nil }
        defer { try? handle.close() }
        do {
            try handle.seek(toOffset: UInt64(line.offset))
            let length = min(Int(line.length), LineReader.maximumLineLength)
            guard let data = try handle.read(upToCount: length) else { return nil }
            return [UInt8](data)
        } catch {
            return nil
        }
    }

    /// The bytes of many lines read earlier, in the order asked, each input
    /// opened once; `nil` for a line that can't be read again.
    func bytes(at lines: [LineLocation]) -> [[UInt8]?] {
        var result = [[UInt8]?](repeating: nil, count: lines.count)
        let bySource = Dictionary(grouping: lines.indices, by: { lines[$0].source })
        for (source, indices) in bySource {
            let input = inputs[Int(source)]
            let path: String
            switch input.origin {
            case .bytes:
                for index in indices { result[index] = bytes(at: lines[index]) }
                continue
            case let .file(filePath):
                path = filePath
            case .standardInput:
                guard let spool = spools[Int(source)] else { continue }
                path = spool
            }
            guard let handle = FileHandle(forReadingAtPath: path) else { continue }
            defer { try? handle.close() }
            for index in indices.sorted(by: { lines[$0].offset < lines[$1].offset }) {
                let line = lines[index]
                do {
                    try handle.seek(toOffset: UInt64(line.offset))
                    let length = min(Int(line.length), LineReader.maximumLineLength)
                    result[index] = try handle.read(upToCount: length).map { [UInt8]($0) } ?? []
                } catch {
                    continue
                }
            }
        }
        return result
    }

    /// Deletes the spool files of standard input.
    func removeSpools() {
        for path in spools.values { try? FileManager.default.removeItem(atPath: path) }
    }
}
