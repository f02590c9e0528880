import Foundation

/// The inputs of one run, by index, and a way to read any line of them again
/// by its ``LineLocation`` (for a rejection found during replay, or a report
/// that names an event's id). Standard input and other inputs that are not
/// regular files are copied to an ``InputSpool`` as they stream by, so they
/// can be read again too.
struct InputCatalog: Sendable {
    private(set) var inputs: [EventInput] = []
    private var spools: [Int: InputSpool] = [:]
    private let openFiles = OpenFiles()

    mutating func add(_ input: EventInput) -> UInt16 {
        inputs.append(input)
        return UInt16(inputs.count - 1)
    }

    mutating func setSpool(_ spool: InputSpool, for source: UInt16) {
        spools[Int(source)] = spool
    }

    /// The spool that holds a copy of the input read as `source`, if it was copied.
    func spool(for source: UInt16) -> InputSpool? {
        spools[Int(source)]
    }

    func location(_ line: LineLocation) -> SourceLocation {
        SourceLocation(file: inputs[Int(line.source)].name, line: Int(line.line))
    }

    /// The bytes of a line read earlier, or `nil` when the input can't be read again.
    func bytes(at line: LineLocation) -> [UInt8]? {
        let length = min(Int(line.length), LineReader.maximumLineLength)
        if let spool = spools[Int(line.source)] { return spool.bytes(at: line.offset, count: length) }
        let path: String
        switch inputs[Int(line.source)].origin {
        case let .bytes(bytes):
            let start = Int(line.offset)
            guard start >= 0, start + length <= bytes.count else { return nil }
            return Array(bytes[start..<start + length])
        case let .file(filePath):
            path = filePath
        case .standardInput:
            return nil
        }
        guard let descriptor = openFiles.descriptor(for: path) else { return nil }
        var bytes = [UInt8](repeating: 0, count: length)
        let read = bytes.withUnsafeMutableBytes { pread(descriptor, $0.baseAddress, length, off_t(line.offset)) }
        guard read >= 0 else { return nil }
        bytes.removeLast(length - read)
        return bytes
    }

    /// The bytes of many lines read earlier, in the order asked.
    ///
    /// - Throws: ``InputError`` when one can't be read again (its input
    ///   changed during the run): what was billed can't be trusted.
    func rereadBytes(at lines: [LineLocation]) throws(InputError) -> [[UInt8]] {
        var result: [[UInt8]] = []
        result.reserveCapacity(lines.count)
        for line in lines {
            guard let bytes = bytes(at: line) else {
                throw InputError(name: inputs[Int(line.source)].name,
                                 problem: "changed while it was read: line \(line.line) can't be read again; nothing was billed, run again")
            }
            result.append(bytes)
        }
        return result
    }

    /// Closes the files opened to read lines again and the spools (the
    /// system frees their space; they never had a name to delete).
    func removeSpools() {
        openFiles.closeAll()
        for spool in spools.values { spool.close() }
    }
}

/// Files kept open to read lines again at their offsets (with `pread`), so that
/// checking thousands of repeated ids opens each input once (README,
/// "Performance"). Shared by copies of a catalog; its table is locked.
final class OpenFiles: @unchecked Sendable {
    private let lock = NSLock()
    private var descriptors: [String: Int32] = [:]

    func descriptor(for path: String) -> Int32? {
        lock.lock()
        defer { lock.unlock() }
        if let descriptor = descriptors[path] { return descriptor }
        let descriptor = open(path, O_RDONLY)
        guard descriptor >= 0 else { return nil }
        descriptors[path] = descriptor
        return descriptor
    }

    func closeAll() {
        lock.lock()
        defer { lock.unlock() }
        for descriptor in descriptors.values { close(descriptor) }
        descriptors = [:]
    }

    deinit {
        for descriptor in descriptors.values { close(descriptor) }
    }
}
