import Foundation

extension EventInput {
    /// This input in a form whose lines can be read again once the run is
    /// over: standard input, and a file that is not a regular file (a pipe,
    /// `/dev/stdin`, a process substitution), are read to their end and held
    /// in memory; regular files and text are returned as they are. Used by
    /// reports that name the events behind a charge (issue 5).
    ///
    /// - Throws: ``InputError`` when such an input can't be read.
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
        do {
            let data = try handle.readToEnd() ?? Data()
            return EventInput(origin: .bytes([UInt8](data)), name: name)
        } catch {
            throw InputError(name: name, problem: "read failed: \(error.localizedDescription)")
        }
    }
}
