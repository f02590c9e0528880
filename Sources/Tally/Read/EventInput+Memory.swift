import Foundation

extension EventInput {
    /// This input in a form whose lines can be read again once the run is
    /// over: standard input, and a file that is not a regular file (a pipe,
    /// `/dev/stdin`, a process substitution), are read to their end and held
    /// in memory; regular files and text are returned as they are. Used by
    /// reports that name the events behind a charge (README, "Reports for
    /// operators"). At most ``spoolLimit`` bytes are held, as a spool would.
    ///
    /// - Throws: ``InputError`` when such an input can't be read, or is
    ///   larger than its ``spoolLimit``.
    func rereadable() throws(InputError) -> EventInput {
        let handle: FileHandle
        switch origin {
        case .bytes:
            return self
        case let .file(path):
            let type = (try? FileManager.default.attributesOfItem(atPath: path))?[.type] as? FileAttributeType
            if type == nil || type == .typeRegular { return self }
            guard let opened = FileHandle(forReadingAtPath: path) else {
                throw InputError(name: name, problem: "cannot be opened; check that it is readable")
            }
            handle = opened
        case .standardInput:
            handle = FileHandle.standardInput
        }
        var bytes: [UInt8] = []
        while true {
            let chunk: Data?
            do {
                chunk = try handle.read(upToCount: LineReader.chunkSize)
            } catch {
                throw InputError(name: name, problem: "read failed: \(error.localizedDescription)")
            }
            guard let chunk, !chunk.isEmpty else { break }
            guard Int64(chunk.count) <= spoolLimit - Int64(bytes.count) else {
                throw InputError(name: name, problem: InputSpool.limitProblem(spoolLimit))
            }
            bytes.append(contentsOf: chunk)
        }
        var held = EventInput(origin: .bytes(bytes), name: name)
        held.spoolLimit = spoolLimit
        return held
    }
}
