import Foundation
import Testing
@testable import Tally

/// The ticket service's file handling against hostile or careless input
/// (README, "For the ticket service"): nothing ever blocks on a FIFO, a
/// device or a socket; the append lock is waited for a bounded time; the
/// bundle check is truthful.
@Suite("Ticket: never blocks, never contradicts itself")
struct HostileTicketTests {
    /// A bundle folder with a good key, certificate and chain.
    static func bundle() throws -> URL {
        let folder = Fixtures.temporaryDirectory()
        try BundleFiles.key.write(to: folder.appendingPathComponent("ssl.key"), atomically: true, encoding: .utf8)
        try BundleFiles.certificate.write(to: folder.appendingPathComponent("ssl.crt"), atomically: true, encoding: .utf8)
        try BundleFiles.intermediate.write(to: folder.appendingPathComponent("ssl.chain"), atomically: true, encoding: .utf8)
        return folder
    }

    enum Special: String, CaseIterable, Sendable {
        case fifo, device, socket, directory, danglingLink
    }

    /// Replaces `file` in `folder` with a special file of kind `special`.
    ///
    /// - Returns: a socket's descriptor to close, else -1.
    static func make(_ special: Special, at path: String) throws -> Int32 {
        try? FileManager.default.removeItem(atPath: path)
        switch special {
        case .fifo: #expect(mkfifo(path, 0o600) == 0)
        case .device: try FileManager.default.createSymbolicLink(atPath: path, withDestinationPath: "/dev/zero")
        case .socket: return makeSocketFile(at: path)
        case .directory: try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: false)
        case .danglingLink: try FileManager.default.createSymbolicLink(atPath: path, withDestinationPath: "nowhere")
        }
        return -1
    }

    static let kinds: [Special: BundleFinding.FileKind] = [
        .fifo: .fifo, .device: .characterDevice, .socket: .socket, .directory: .directory, .danglingLink: .danglingLink,
    ]

    // MARK: The bundle check reads regular files only

    @Test("a FIFO, device, socket, directory or dangling link in the bundle is a finding naming it; nothing blocks",
          arguments: Special.allCases, [CertificateBundleCheck.keyFile, CertificateBundleCheck.certificateFile,
                                        CertificateBundleCheck.chainFile])
    func specialFiles(_ special: Special, _ file: String) throws {
        let folder = try Self.bundle()
        defer { try? FileManager.default.removeItem(at: folder) }
        let socket = try Self.make(special, at: folder.appendingPathComponent(file).path)
        defer { if socket >= 0 { close(socket) } }
        let path = folder.path
        let outcome = withinDeadline(10) { try CertificateBundleCheck.check(directory: path) }
        guard case let .success(result)? = outcome else {
            // Release a reader blocked on the FIFO so the test process can go on.
            if special == .fifo { _ = FileHandle(forWritingAtPath: folder.appendingPathComponent(file).path) }
            Issue.record("the check did not return within 10 s: \(String(describing: outcome))")
            return
        }
        let kind = try #require(Self.kinds[special])
        let finding = BundleFinding.notRegularFile(file: file, kind: kind)
        let findings = result.findings
        #expect(findings.contains(finding), "\(findings)")
        #expect(finding.severity == .problem)
        #expect(!findings.contains { $0.file == file && $0.severity == .ok })
        #expect(!result.isAcceptable)
        #expect(finding.description == "\(file) is \(kind.summary), not a regular file; it was not read: "
            + "the customer must provide \(file) as an ordinary file")
    }

    @Test("a file over 1 MiB is reported with its real size")
    func tooLargeSize() throws {
        let folder = try Self.bundle()
        defer { try? FileManager.default.removeItem(at: folder) }
        let key = folder.appendingPathComponent("ssl.key").path
        #expect(truncate(key, 5_000_000) == 0)
        let findings = try CertificateBundleCheck.check(directory: folder.path).findings
        #expect(findings.first == .tooLarge(file: "ssl.key", bytes: 5_000_000))
        #expect(findings.first?.description
            == "ssl.key is 5,000,000 bytes, too large for a key or certificate file (at most 1,048,576 bytes, 1 MiB)")
    }

    @Test("a file with a problem is never also ok", arguments: [
        // A certificate followed by a damaged block.
        (CertificateBundleCheck.certificateFile, BundleFiles.certificate + String(BundleFiles.intermediate.dropLast(26))),
        // Bundled chain certificates and a damaged block.
        (CertificateBundleCheck.certificateFile,
         BundleFiles.certificate + BundleFiles.intermediate + "-----BEGIN CERTIFICATE-----\nnot base64!\n-----END CERTIFICATE-----\n"),
        // A key beside a damaged block.
        (CertificateBundleCheck.keyFile, BundleFiles.key + String(BundleFiles.certificate.dropLast(26))),
        // A chain with a damaged block.
        (CertificateBundleCheck.chainFile, BundleFiles.intermediate + String(BundleFiles.intermediate.dropLast(26))),
    ])
    func problemNotOK(_ file: String, _ text: String) {
        var contents = [CertificateBundleCheck.keyFile: BundleFiles.key, CertificateBundleCheck.certificateFile: BundleFiles.certificate,
                        CertificateBundleCheck.chainFile: BundleFiles.intermediate]
        contents[file] = text
        let findings = CertificateBundleCheck.check(key: BundleFiles.bytes(contents["ssl.key"]!),
                                                    certificate: BundleFiles.bytes(contents["ssl.crt"]!),
                                                    chain: BundleFiles.bytes(contents["ssl.chain"]!))
        let severities = Set(findings.filter { $0.file == file }.map(\.severity))
        #expect(severities.contains(.problem), "\(findings)")
        #expect(!severities.contains(.ok), "\(findings)")
        // The other files are still reported as they are.
        for other in contents.keys where other != file {
            #expect(findings.contains { $0.file == other && $0.severity == .ok }, "\(other): \(findings)")
        }
    }

    // MARK: Appending: a regular file, a bounded wait for the lock

    @Test("appending to a log that is a FIFO, a device or a socket is refused at once, naming what it is",
          arguments: [Special.fifo, .device, .socket, .directory])
    func appendToSpecialFile(_ special: Special) throws {
        let folder = Fixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("events.jsonl").path
        let socket = try Self.make(special, at: path)
        defer { if socket >= 0 { close(socket) } }
        let outcome = withinDeadline(10) {
            try EventLogAppender(path: path).record(.updateCertificate(domain: domainName("www.example.org")),
                                                     for: acct("acct_a"), at: utc("2026-10-11T00:00:00Z"))
        }
        guard case let .failure(error)? = outcome else {
            if special == .fifo { _ = FileHandle(forWritingAtPath: path) }
            Issue.record("the append did not fail within 10 s: \(String(describing: outcome))")
            return
        }
        let expected: String = switch special {
        case .fifo: "\(path): is a FIFO (named pipe), not a regular file; the event log appended to must be a regular file: give the log's own path"
        case .device: "\(path): is a character device, not a regular file; the event log appended to must be a regular file: give the log's own path"
        case .socket: "\(path): is a socket, not a regular file; the event log appended to must be a regular file: give the log's own path"
        default: "\(path): is a directory, not an event-log file"
        }
        #expect("\(error)" == expected)
        guard case .input = error as? RecordingError else {
            Issue.record("expected RecordingError.input, got \(error)")
            return
        }
    }

    @Test("another writer's lock is waited for at most the lock timeout; then nothing is written and the error says retry")
    func lockTimeout() throws {
        let file = TemporaryLog()
        defer { file.remove() }
        let before = file.text
        let holder = open(file.path, O_RDWR)
        #expect(holder >= 0)
        #expect(flock(holder, LOCK_EX) == 0)
        let path = file.path
        let clock = ContinuousClock()
        let start = clock.now
        let outcome = withinDeadline(20) {
            try EventLogAppender(path: path, lockTimeout: .milliseconds(300))
                .record(.updateCertificate(domain: domainName("api.shop.example")), for: acct("acct_a"), at: utc("2026-10-11T00:00:00Z"))
        }
        let waited = clock.now - start
        // Let a blocked appender go on, so the test can end.
        close(holder)
        guard case let .failure(error)? = outcome else {
            Issue.record("the append did not time out: \(String(describing: outcome))")
            return
        }
        #expect(error as? RecordingError == .lockTimeout(path: path, waited: .milliseconds(300)))
        #expect("\(error)" == "\(path): another writer holds the log's lock (waited 0.3 s); nothing was written: retry in a moment")
        #expect(waited >= .milliseconds(300))
        #expect(waited < .seconds(10))
        #expect(file.text == before)
        // Once the lock is free, the same append goes through.
        let outcome2 = try EventLogAppender(path: path, lockTimeout: .zero)
            .record(.updateCertificate(domain: domainName("api.shop.example")), for: acct("acct_a"), at: utc("2026-10-11T00:00:00Z"))
        #expect(file.text == before + outcome2.event.jsonLine + "\n")
    }

    @Test("the default lock timeout is 30 seconds")
    func defaultLockTimeout() {
        #expect(EventLogAppender(path: "events.jsonl").lockTimeout == .seconds(30))
        #expect(RecordingError.seconds(.seconds(30)) == "30")
        #expect(RecordingError.seconds(.milliseconds(1500)) == "1.5")
    }
}
