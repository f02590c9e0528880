import Foundation

extension EventInput {
    /// This input in a form whose lines can be read again once the run is
    /// over: standard input is read to its end and held in memory (its spool
    /// file is deleted when replay ends); files and text are returned as they
    /// are. Used by reports that name the events behind a charge (issue 5).
    ///
    /// - Throws: ``InputError`` when standard input can't be read.
    func rereadable() throws(InputError) -> EventInput {
        guard case .standardInput = origin else { return self }
        do {
            let data = try FileHandle.standardInput.readToEnd() ?? Data()
            return EventInput(origin: .bytes([UInt8](data)), name: name)
        } catch {
            throw InputError(name: name, problem: "read failed: \(error.localizedDescription)")
        }
    }
}
