import Foundation

/// Stage 1 of the pipeline: reads the event log and turns each non-blank line
/// into an ``EventRecord`` (fields valid, id new), an exact duplicate, or a
/// ``Rejection`` (SPEC §2, §2.1). Inputs are read in the order given, as
/// streams of chunks; records come out in input order.
struct EventReader {
    /// The names interned so far; records refer to them.
    private(set) var symbols = SymbolTable()
    /// The inputs read so far.
    private(set) var catalog = InputCatalog()
    /// Lines read, duplicates and rejections so far; `applied` stays 0 here.
    private(set) var counts = EventCounts()

    private var duplicates = DuplicateRegistry()
    private var fastParser = FastLineParser()
    private var fullParser = FoundationLineParser()
    private var nextSequence: Int32 = 0
    /// When true, every line goes to the Foundation parser (for tests and
    /// for comparing the two).
    let foundationOnly: Bool

    init(foundationOnly: Bool = false) {
        self.foundationOnly = foundationOnly
    }

    /// Reads `inputs` in order.
    ///
    /// - Parameters:
    ///   - onRecord: called with each event whose fields passed and whose id is new.
    ///   - onRejection: called with each rejected line, in input order.
    /// - Throws: ``InputError`` when an input is missing, a directory, or fails
    ///   to read; inputs are all checked before the first is read.
    mutating func read(
        _ inputs: [EventInput],
        onRecord: (EventRecord) -> Void,
        onRejection: (Rejection) -> Void
    ) throws(InputError) {
        for input in inputs { try Self.checkReadable(input) }
        for input in inputs {
            let source = catalog.add(input)
            try readOne(input, source: source, onRecord: onRecord, onRejection: onRejection)
        }
    }

    /// Deletes temporary copies of standard input; call when the run is over.
    func finish() {
        catalog.removeSpools()
    }

    private static func checkReadable(_ input: EventInput) throws(InputError) {
        guard case let .file(path) = input.origin else { return }
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            throw InputError(name: input.name, problem: "no such file; check the path")
        }
        guard !isDirectory.boolValue else {
            throw InputError(name: input.name, problem: "is a directory, not an event-log file")
        }
        guard FileManager.default.isReadableFile(atPath: path) else {
            throw InputError(name: input.name, problem: "permission denied; check the file's permissions")
        }
    }

    private mutating func readOne(
        _ input: EventInput, source: UInt16,
        onRecord: (EventRecord) -> Void, onRejection: (Rejection) -> Void
    ) throws(InputError) {
        let lineReader: LineReader
        var handleToClose: FileHandle?
        var spool: FileHandle?
        defer {
            try? handleToClose?.close()
            try? spool?.close()
        }
        switch input.origin {
        case let .bytes(bytes):
            var position = 0
            lineReader = LineReader { () throws(InputError) -> Data? in
                guard position < bytes.count else { return nil }
                let end = min(position + LineReader.chunkSize, bytes.count)
                defer { position = end }
                return Data(bytes[position..<end])
            }
        case let .file(path):
            guard let handle = FileHandle(forReadingAtPath: path) else {
                let problem = FileManager.default.fileExists(atPath: path)
                    ? "cannot be opened; check that it is readable"
                    : "no longer exists (it was there when the run started); nothing was billed, run again"
                throw InputError(name: input.name, problem: problem)
            }
            handleToClose = handle
            lineReader = Self.streaming(handle, name: input.name, spool: nil)
        case .standardInput:
            let spoolPath = FileManager.default.temporaryDirectory
                .appendingPathComponent("tally-stdin-\(ProcessInfo.processInfo.processIdentifier)-\(UUID().uuidString)").path
            if FileManager.default.createFile(atPath: spoolPath, contents: nil) {
                spool = FileHandle(forWritingAtPath: spoolPath)
                catalog.setSpool(spoolPath, for: source)
            }
            lineReader = Self.streaming(FileHandle.standardInput, name: input.name, spool: spool)
        }

        try lineReader.forEachLine { (line) throws(InputError) in
            counts.lines += 1
            let location = LineLocation(source: source, line: Int32(clamping: line.number),
                                        offset: line.offset, length: Int32(clamping: line.length))
            switch classify(line, location: location) {
            case let .record(record):
                onRecord(record)
            case .duplicate:
                counts.duplicates += 1
            case let .rejected(reason, partial):
                counts.rejected += 1
                onRejection(Rejection(
                    location: catalog.location(location), eventID: partial.id, account: partial.account,
                    time: partial.time, reason: reason, originalLine: Array(line.bytes)))
            }
        }
    }

    private static func streaming(_ handle: FileHandle, name: String, spool: FileHandle?) -> LineReader {
        LineReader { () throws(InputError) -> Data? in
            do {
                let chunk = try handle.read(upToCount: LineReader.chunkSize)
                if let chunk, !chunk.isEmpty { try spool?.write(contentsOf: chunk) }
                return chunk
            } catch {
                throw InputError(name: name, problem: "read failed: \(error.localizedDescription)")
            }
        }
    }

    private enum LineOutcome {
        case record(EventRecord)
        case duplicate
        case rejected(RejectionReason, EventFieldValidator.Partial)
    }

    private mutating func classify(_ line: RawLine, location: LineLocation) -> LineOutcome {
        if line.isTooLong {
            return .rejected(.lineTooLong(length: line.length, limit: LineReader.maximumLineLength), .init())
        }
        let bytes = line.bytes
        if bytes.count >= 3, bytes[0] == 0xEF, bytes[1] == 0xBB, bytes[2] == 0xBF {
            return .rejected(.byteOrderMarkInsideFile, .init())
        }
        let fast = foundationOnly ? .unsupported : fastParser.parse(bytes)
        switch fast {
        case .object:
            return validate(fastParser.fields, storage: bytes, location: location)
        case let .rejected(reason):
            return .rejected(reason, .init())
        case .unsupported:
            switch fullParser.parse(bytes) {
            case .object:
                let fields = fullParser.fields
                return fullParser.scratch.withUnsafeBytes { validate(fields, storage: $0, location: location) }
            case let .rejected(.invalidJSON(detail)) where !line.endsWithNewline:
                return .rejected(.truncatedLastLine(detail: detail), .init())
            case let .rejected(reason):
                return .rejected(reason, .init())
            case .unsupported:
                return .rejected(.invalidJSON(detail: "unsupported JSON"), .init())
            }
        }
    }

    private mutating func validate(_ fields: ParsedFields, storage: UnsafeRawBufferPointer, location: LineLocation) -> LineOutcome {
        switch EventFieldValidator.validate(fields, storage: storage, location: location, sequence: nextSequence, symbols: &symbols) {
        case let .invalid(reason, partial):
            return .rejected(reason, partial)
        case let .valid(record, id):
            switch duplicates.register(id: id, fingerprint: fields.fingerprint, source: location.source, line: location.line) {
            case .new:
                nextSequence += 1
                return .record(record)
            case .exactDuplicate:
                return .duplicate
            case let .conflicting(source, line):
                let first = SourceLocation(file: catalog.inputs[Int(source)].name, line: Int(line))
                return .rejected(.conflictingDuplicate(first: first),
                                 .init(id: String(decoding: id, as: UTF8.self), account: symbols.name(record.account),
                                       time: Timestamp(secondsSinceEpoch: record.time)))
            }
        }
    }
}
