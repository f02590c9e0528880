import Foundation

/// Stage 1 of the pipeline: reads the event log and turns each non-blank line
/// into an ``EventRecord`` (fields valid, id new), an exact duplicate, or a
/// ``Rejection`` (SPEC §2, §2.1). Inputs are read in the order given, as
/// streams of chunks; records come out in input order.
///
/// Streaming, the reader expects events in time order (the normal case: logs
/// are appended as things happen) and stops at the first record earlier than
/// the one before, so its caller can read again and sort (README, "Performance").
struct EventReader {
    /// How a read ended.
    enum End: Equatable {
        /// Every line of every input was read.
        case complete
        /// Streaming mode met a record earlier than the one before it, after
        /// `lines` non-blank lines; the rest of standard input was spooled.
        case unsorted(lines: Int)
    }

    /// The names interned so far; records refer to them.
    var symbols = SymbolTable()
    /// The inputs read so far.
    private(set) var catalog = InputCatalog()
    /// Lines read, duplicates and rejections so far; `applied` stays 0 here.
    var counts = EventCounts()

    var duplicates: DuplicateRegistry
    var fastParser = FastLineParser()
    var fullParser = FoundationLineParser()
    var nextSequence: Int32 = 0
    /// The latest record time met (set by a caller that applied records before the read).
    var lastTime = Int64.min
    /// Rejections of the first this-many lines were reported by an earlier pass.
    private let reportedLines: Int
    /// Whether this reader reads again the inputs of an earlier pass, in the
    /// same order, under the same source numbers.
    private let rereading: Bool
    /// Whether to stop at the first record earlier than the one before it
    /// (streaming mode), or to read on whatever the order.
    var stopsWhenUnsorted: Bool
    /// When true, every line goes to the Foundation parser (for tests and
    /// for comparing the two).
    let foundationOnly: Bool
    /// The inputs' total size in bytes, when they are all files or text.
    private var totalBytes: Int64?
    /// Streaming: duplicates of ids whose first line is no longer located.
    var pendingDuplicates: [PendingDuplicate] = []
    /// A line read earlier that could not be read again (its input changed):
    /// the run stops rather than decide a duplicate blind.
    var failedReread: LineLocation?
    /// Called with how far the read has come, every ``ReadProgress/interval`` lines.
    var progress: (@Sendable (ReadProgress) -> Void)?
    /// Bytes of the inputs read before the current one.
    private var bytesBefore: Int64 = 0
    /// The ids of the closed months, when the read goes on from a close.
    var closedIDs: ClosedIDs?
    /// Whether to keep every id registered with its first line (for the books).
    var recordingIDs = false
    /// The ids registered by this read with their first lines, when ``recordingIDs``.
    var newIDs: [RegisteredID] = []
    /// The input-order position of the first record read (after a close's).
    var firstSequence: Int32 = 0
    /// Where reading starts in inputs an earlier run read part of, by input
    /// index: their offset and the lines before it.
    var starts: [Int: (offset: Int64, lines: Int)] = [:]
    /// Whether a last line without its newline is left for later (following a log).
    var completeLinesOnly = false
    /// Where reading ended in each input read, by input index.
    private(set) var endings: [Int: LineReader.Ending] = [:]
    /// Streaming: conflicting duplicates, reported once the log is read (a
    /// read that starts over must not have reported them); held without their
    /// line, which is read again when they are reported.
    var deferredConflicts: [(rejection: Rejection, location: LineLocation)] = []

    /// A reader.
    ///
    /// - Parameters:
    ///   - streaming: stop at the first record earlier than the one before it.
    ///   - keepingEveryID: remember every id's first line, however long the
    ///     log (otherwise, streaming keeps only hashes after half a million ids).
    ///   - locatedLimit: for tests, when a streaming registry starts keeping only hashes.
    init(streaming: Bool = false, keepingEveryID: Bool = true, foundationOnly: Bool = false,
         locatedLimit: Int = DuplicateRegistry.locatedLimit) {
        duplicates = DuplicateRegistry(mode: keepingEveryID ? .exact : .streaming, locatedLimit: locatedLimit)
        stopsWhenUnsorted = streaming
        self.foundationOnly = foundationOnly
        reportedLines = 0
        rereading = false
    }

    /// A reader for a second, `.exact` pass over the inputs `previous` read:
    /// it reads standard input from `previous`'s spool and does not report
    /// again the read rejections among the first `lines` lines (conflicting
    /// duplicates excepted: a streaming pass reports those only at its end).
    /// The names `previous` interned stay, so symbols a caller made before
    /// the read (the accounts a meter takes) keep their meaning.
    init(rereading previous: EventReader, reportedLines lines: Int) {
        duplicates = DuplicateRegistry(mode: .exact)
        symbols = previous.symbols
        closedIDs = previous.closedIDs
        progress = previous.progress
        recordingIDs = previous.recordingIDs
        firstSequence = previous.firstSequence
        nextSequence = previous.firstSequence
        starts = previous.starts
        completeLinesOnly = previous.completeLinesOnly
        foundationOnly = previous.foundationOnly
        catalog = previous.catalog
        reportedLines = lines
        stopsWhenUnsorted = false
        rereading = true
    }

    /// Reads `inputs` in order.
    ///
    /// - Parameters:
    ///   - onRecord: called with each event whose fields passed and whose id
    ///     is new, with the names it refers to.
    ///   - onRejection: called with each rejected line, in input order.
    /// - Returns: whether every line was read, or where streaming stopped.
    /// - Throws: ``InputError`` when an input is missing, a directory, or fails
    ///   to read; inputs are all checked before the first is read.
    mutating func read(
        _ inputs: [EventInput],
        onRecord: (EventRecord, SymbolTable) -> Void,
        onRejection: (Rejection) -> Void
    ) throws(InputError) -> End {
        totalBytes = Self.totalSize(of: inputs)
        // Inputs an earlier pass already read keep their source numbers.
        let known = rereading ? catalog.inputs.count : 0
        guard inputs.count <= Int(UInt16.max) else {
            throw InputError(name: inputs[Int(UInt16.max)].name, problem: "is one input too many: at most \(UInt16.max) inputs; concatenate some logs first")
        }
        for input in inputs.dropFirst(known) { try Self.checkReadable(input) }
        // Every input is known before the first is read: a duplicate's first
        // line may lie in a later input's part read by a close.
        let sources = inputs.enumerated().map { index, input in index < known ? UInt16(index) : catalog.add(input) }
        for (input, source) in zip(inputs, sources) {
            if case .unsorted = try readOne(input, source: source, onRecord: onRecord, onRejection: onRejection) {
                return .unsorted(lines: counts.lines)
            }
        }
        return .complete
    }

    /// Closes the spools of standard input and pipes (their space is freed)
    /// and the files opened to read lines again; call when the run is over.
    func finish() {
        catalog.removeSpools()
    }

    /// The total size of `inputs`, or `nil` when one is standard input.
    private static func totalSize(of inputs: [EventInput]) -> Int64? {
        var total: Int64 = 0
        for input in inputs {
            switch input.origin {
            case let .bytes(bytes): total += Int64(bytes.count)
            case let .file(path):
                guard let size = (try? FileManager.default.attributesOfItem(atPath: path))?[.size] as? Int else { return nil }
                total += Int64(size)
            case .standardInput: return nil
            }
        }
        return total
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
        onRecord: (EventRecord, SymbolTable) -> Void, onRejection: (Rejection) -> Void
    ) throws(InputError) -> End {
        let opened = try open(input, source: source)
        defer { opened.close() }

        var end = End.complete
        let ending = try opened.reader.forEachLine { (line) throws(InputError) -> Bool in
            counts.lines += 1
            if let progress, counts.lines % ReadProgress.interval == 0 {
                progress(ReadProgress(lines: counts.lines, bytes: bytesBefore + line.offset, totalBytes: totalBytes))
            }
            guard line.number < Int(Int32.max), nextSequence < Int32.max else {
                throw InputError(name: input.name, problem: "has more than \(Int32.max) lines (with the inputs before it); split the log into smaller files")
            }
            // At the thousandth line of the first input, estimate how many lines the log holds.
            if source == 0, line.number == 1000, let totalBytes, line.offset > 0 {
                duplicates.expectedIDs = Int(Double(totalBytes) / Double(line.offset) * 999 * 1.02)
            }
            let location = LineLocation(source: source, line: Int32(clamping: line.number),
                                        offset: line.offset, length: Int32(clamping: line.length))
            let outcome = classify(line, location: location)
            if let unreadable = failedReread {
                throw InputError(name: catalog.inputs[Int(unreadable.source)].name,
                                 problem: "changed while it was read: line \(unreadable.line) can't be read again; nothing was billed, run again")
            }
            switch outcome {
            case let .record(record):
                if stopsWhenUnsorted, record.time < lastTime {
                    end = .unsorted(lines: counts.lines)
                    return false
                }
                lastTime = max(lastTime, record.time)
                onRecord(record, symbols)
            case .duplicate:
                counts.duplicates += 1
            case let .pendingDuplicate(pending):
                pendingDuplicates.append(pending)
            case let .rejected(reason, partial):
                counts.rejected += 1
                func rejection(_ bytes: [UInt8]) -> Rejection {
                    Rejection(location: catalog.location(location), eventID: partial.id, account: partial.account,
                              time: partial.time, reason: reason, originalLine: bytes)
                }
                if case .conflictingDuplicate = reason {
                    if stopsWhenUnsorted {
                        deferredConflicts.append((rejection([]), location))
                    } else {
                        onRejection(rejection(Array(line.bytes)))
                    }
                } else if counts.lines > reportedLines {
                    onRejection(rejection(Array(line.bytes)))
                }
            }
            return true
        }
        endings[Int(source)] = ending
        bytesBefore += ending.offset
        progress?(ReadProgress(lines: counts.lines, bytes: bytesBefore, totalBytes: totalBytes))
        // An input being copied to a spool must be copied whole before the run starts over.
        if case .unsorted = end, catalog.spool(for: source) != nil { try opened.reader.drain() }
        return end
    }

    static func memory(_ bytes: [UInt8], start: (offset: Int64, lines: Int), completeLinesOnly: Bool) -> LineReader {
        var position = Int(min(start.offset, Int64(bytes.count)))
        return LineReader(startingAt: start, completeLinesOnly: completeLinesOnly) { () throws(InputError) -> Data? in
            guard position < bytes.count else { return nil }
            let end = min(position + LineReader.chunkSize, bytes.count)
            defer { position = end }
            return Data(bytes[position..<end])
        }
    }

    static func file(_ path: String, name: String, start: (offset: Int64, lines: Int) = (0, 0),
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
        return (streaming(handle, name: name, spool: nil, start: start, completeLinesOnly: completeLinesOnly),
                { try? handle.close() })
    }

    /// Opens an input for reading, every pass alike: an input copied to a
    /// spool on an earlier pass is read from there; standard input and any
    /// file that is not a regular file (a pipe, a FIFO, `/dev/stdin`, a
    /// process substitution) are copied to an ``InputSpool`` as they stream
    /// by, up to the input's ``EventInput/spoolLimit``, so any of their lines
    /// can be read again.
    mutating func open(_ input: EventInput, source: UInt16) throws(InputError) -> (reader: LineReader, close: () -> Void) {
        if let spool = catalog.spool(for: source) { return (spool.lineReader(), {}) }
        let start = starts[Int(source)] ?? (0, 0)
        switch input.origin {
        case let .bytes(bytes):
            return (Self.memory(bytes, start: start, completeLinesOnly: completeLinesOnly), {})
        case let .file(path):
            let type = (try? FileManager.default.attributesOfItem(atPath: path))?[.type] as? FileAttributeType
            if type == nil || type == .typeRegular {
                return try Self.file(path, name: input.name, start: start, completeLinesOnly: completeLinesOnly)
            }
            guard let handle = FileHandle(forReadingAtPath: path) else {
                throw InputError(name: input.name, problem: "cannot be opened; check that it is readable")
            }
            do {
                let reader = try spool(handle, source: source, input: input)
                return (reader, { try? handle.close() })
            } catch {
                try? handle.close()
                throw error
            }
        case .standardInput:
            return (try spool(FileHandle.standardInput, source: source, input: input), {})
        }
    }

    /// Reads `handle`, copying it to a new spool as it streams by.
    private mutating func spool(_ handle: FileHandle, source: UInt16, input: EventInput) throws(InputError) -> LineReader {
        let spool = try InputSpool(name: input.name, limit: input.spoolLimit)
        catalog.setSpool(spool, for: source)
        return Self.streaming(handle, name: input.name, spool: spool)
    }

    private static func streaming(_ handle: FileHandle, name: String, spool: InputSpool?,
                                  start: (offset: Int64, lines: Int) = (0, 0), completeLinesOnly: Bool = false) -> LineReader {
        LineReader(startingAt: start, completeLinesOnly: completeLinesOnly) { () throws(InputError) -> Data? in
            let chunk: Data?
            do {
                chunk = try handle.read(upToCount: LineReader.chunkSize)
            } catch {
                throw InputError(name: name, problem: "read failed: \(error.localizedDescription)")
            }
            guard let chunk, !chunk.isEmpty else { return chunk }
            try spool?.append(chunk)
            return chunk
        }
    }
}
