import Foundation

extension EventReader {
    /// A line reader over an input held in memory, from `start` (where a
    /// close left it) up to `stop` (where a later close stopped, for the log
    /// as it read it) or the end.
    static func memory(_ bytes: [UInt8], start: (offset: Int64, lines: Int), stop: Int64? = nil,
                       completeLinesOnly: Bool) -> LineReader {
        let limit = Int(min(stop ?? Int64(bytes.count), Int64(bytes.count)))
        var position = Int(min(start.offset, Int64(limit)))
        return LineReader(startingAt: start, completeLinesOnly: completeLinesOnly) { () throws(InputError) -> Data? in
            guard position < limit else { return nil }
            let end = min(position + LineReader.chunkSize, limit)
            defer { position = end }
            return Data(bytes[position..<end])
        }
    }

    /// A line reader over the file at `path`, from `start` up to `stop` or its end.
    ///
    /// - Throws: ``InputError`` when it can't be opened or read from `start`.
    static func file(_ path: String, name: String, start: (offset: Int64, lines: Int) = (0, 0), stop: Int64? = nil,
                     completeLinesOnly: Bool = false) throws(InputError) -> (LineReader, () -> Void) {
        guard let handle = FileHandle(forReadingAtPath: path) else {
            let problem = FileManager.default.fileExists(atPath: path)
                ? "cannot be opened; check that it is readable"
                : "no longer exists (it was there when the run started); nothing was billed, run again"
            throw InputError(name: name, problem: problem)
        }
        if start.offset > 0 {
            do {
                try handle.seek(toOffset: UInt64(start.offset))
            } catch {
                try? handle.close()
                throw InputError(name: name, problem: "cannot be read from byte \(start.offset): \(error.localizedDescription)")
            }
        }
        return (streaming(handle, name: name, spool: nil, start: start, stop: stop, completeLinesOnly: completeLinesOnly),
                { try? handle.close() })
    }

    /// A line reader over `handle`, from `start` up to `stop` or its end, copying what it reads
    /// to `spool` when there is one.
    static func streaming(_ handle: FileHandle, name: String, spool: InputSpool?,
                          start: (offset: Int64, lines: Int) = (0, 0), stop: Int64? = nil,
                          completeLinesOnly: Bool = false) -> LineReader {
        var position = start.offset
        return LineReader(startingAt: start, completeLinesOnly: completeLinesOnly) { () throws(InputError) -> Data? in
            let wanted = stop.map { Int(max(0, min(Int64(LineReader.chunkSize), $0 - position))) } ?? LineReader.chunkSize
            guard wanted > 0 else { return nil }
            let chunk: Data?
            do {
                chunk = try handle.read(upToCount: wanted)
            } catch {
                throw InputError(name: name, problem: "read failed: \(error.localizedDescription)")
            }
            guard let chunk, !chunk.isEmpty else { return chunk }
            position += Int64(chunk.count)
            try spool?.append(chunk)
            return chunk
        }
    }
}
