import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The pre-check of a custom-domain SSL bundle (README, "For the ticket service"): what dotCloud's SSL
/// guide asks the customer to provide — `ssl.key`, `ssl.crt` and optionally
/// `ssl.chain` — checked before support installs it.
///
/// This is a structural check of the PEM armour only (RFC 7468): it does not
/// decode or validate any X.509 certificate or key, nor check that the key
/// matches the certificate, nor any date or name. It reports whether the key
/// is PEM and not protected by a passphrase, whether the certificate is PEM
/// rather than DER, PKCS#7 or PKCS#12, whether a chain is present (in
/// `ssl.chain`, or bundled after the first certificate of `ssl.crt`), and any
/// file that is empty or not PEM. Findings never contain key material.
public enum CertificateBundleCheck {
    /// The private key's file name.
    public static let keyFile = "ssl.key"
    /// The certificate's file name.
    public static let certificateFile = "ssl.crt"
    /// The optional chain's file name.
    public static let chainFile = "ssl.chain"
    /// The largest file examined, in bytes (1 MiB); larger files are a problem.
    public static let maximumFileSize = 1 << 20

    /// What a file of the bundle held when read.
    public enum FileContent: Sendable, Hashable {
        /// The file does not exist.
        case absent
        /// The file exists but can't be read.
        case unreadable
        /// The name is not a regular file (a FIFO, a device, a socket, a
        /// directory), which is never opened for reading: it could block.
        case notRegularFile(BundleFinding.FileKind)
        /// The file is larger than ``maximumFileSize``; `bytes` is its size.
        case tooLarge(bytes: Int)
        /// The file's bytes (at most ``maximumFileSize`` + 1 are needed).
        case bytes([UInt8])
    }

    /// Checks the bundle in `directory`.
    ///
    /// - Returns: the result, its findings key first, then certificate, then chain.
    /// - Throws: ``InputError`` when `directory` does not exist or is not a folder.
    public static func check(directory: String) throws(InputError) -> BundleCheckResult {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: directory, isDirectory: &isDirectory) else {
            throw InputError(name: directory, problem: "no such folder; give the folder that holds ssl.key, ssl.crt and ssl.chain")
        }
        guard isDirectory.boolValue else {
            throw InputError(name: directory, problem: "is not a folder; give the folder that holds ssl.key, ssl.crt and ssl.chain")
        }
        func read(_ name: String) -> FileContent {
            content(ofFileAt: (directory as NSString).appendingPathComponent(name))
        }
        return BundleCheckResult(directory: directory,
                                 findings: check(key: read(keyFile), certificate: read(certificateFile), chain: read(chainFile)))
    }

    /// What the file at `path` holds, read without ever blocking: only a
    /// regular file is read (checked with `stat`, then opened with
    /// `O_NONBLOCK` and checked again with `fstat`, in case it was swapped),
    /// and at most ``maximumFileSize`` + 1 bytes of it. A FIFO, a device, a
    /// socket or a directory is never read: a customer's archive can hold one,
    /// and reading a FIFO would wait forever.
    static func content(ofFileAt path: String) -> FileContent {
        var status = stat()
        guard stat(path, &status) == 0 else {
            guard errno == ENOENT else { return .unreadable }
            // A name that is there but leads nowhere is a link to a missing file.
            return lstat(path, &status) == 0 ? .notRegularFile(.danglingLink) : .absent
        }
        guard status.st_mode & S_IFMT == S_IFREG else { return .notRegularFile(BundleFinding.FileKind(mode: status.st_mode)) }
        let descriptor = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC | O_NOCTTY)
        guard descriptor >= 0 else { return .unreadable }
        defer { close(descriptor) }
        guard fstat(descriptor, &status) == 0 else { return .unreadable }
        guard status.st_mode & S_IFMT == S_IFREG else { return .notRegularFile(BundleFinding.FileKind(mode: status.st_mode)) }
        if status.st_size > maximumFileSize { return .tooLarge(bytes: Int(status.st_size)) }
        var bytes = [UInt8](repeating: 0, count: maximumFileSize + 1)
        var count = 0
        while count < bytes.count {
            let read = bytes.withUnsafeMutableBytes { Glibc.read(descriptor, $0.baseAddress! + count, $0.count - count) }
            if read < 0, errno == EINTR { continue }
            guard read >= 0 else { return .unreadable }
            if read == 0 { break }
            count += read
        }
        // A file that grew while it was read: its size now, at least what was read.
        if count > maximumFileSize {
            let now = fstat(descriptor, &status) == 0 ? Int(status.st_size) : count
            return .tooLarge(bytes: max(now, count))
        }
        bytes.removeLast(bytes.count - count)
        return .bytes(bytes)
    }

    /// Checks a bundle held in memory.
    ///
    /// - Parameters: the contents of `ssl.key`, `ssl.crt` and `ssl.chain`.
    /// - Returns: the findings, key first, then certificate, then chain.
    public static func check(key: FileContent, certificate: FileContent, chain: FileContent) -> [BundleFinding] {
        var findings: [BundleFinding] = []
        if let blocks = blocks(of: key, file: keyFile, required: true, into: &findings) {
            findings += keyFindings(blocks)
        }
        var certificateCount = 0
        if let blocks = blocks(of: certificate, file: certificateFile, required: true, into: &findings) {
            certificateCount = certificateFindings(blocks, file: certificateFile, into: &findings)
        }
        var chainCount = 0
        if let blocks = blocks(of: chain, file: chainFile, required: false, into: &findings) {
            chainCount = certificateFindings(blocks, file: chainFile, into: &findings)
        }
        if certificateCount > 1 {
            findings.append(.chain(file: certificateFile, count: certificateCount - 1))
        }
        if chainCount > 0 {
            findings.append(.chain(file: chainFile, count: chainCount))
        } else if certificateCount == 1, case .absent = chain {
            findings.append(.noChain)
        }
        // A file with a problem is not also "ok": what it holds can't be used as it is.
        let troubled = Set(findings.filter { $0.severity == .problem }.compactMap(\.file))
        return findings.filter { finding in
            guard finding.severity == .ok, let file = finding.file else { return true }
            return !troubled.contains(file)
        }
    }

    /// The PEM blocks of a file, or `nil` after noting why there are none.
    private static func blocks(of content: FileContent, file: String, required: Bool,
                               into findings: inout [BundleFinding]) -> [PEMDocument.Block]? {
        let bytes: [UInt8]
        switch content {
        case .absent:
            if required { findings.append(.missing(file: file)) }
            return nil
        case .unreadable:
            findings.append(.unreadable(file: file))
            return nil
        case let .notRegularFile(kind):
            findings.append(.notRegularFile(file: file, kind: kind))
            return nil
        case let .tooLarge(size):
            findings.append(.tooLarge(file: file, bytes: size))
            return nil
        case let .bytes(contents):
            bytes = contents
        }
        if bytes.count > maximumFileSize {
            findings.append(.tooLarge(file: file, bytes: bytes.count))
            return nil
        }
        if bytes.allSatisfy({ [0x20, 0x09, 0x0A, 0x0D].contains($0) }) {
            findings.append(.empty(file: file))
            return nil
        }
        let document = PEMDocument(bytes)
        if document.blocks.isEmpty {
            findings.append(BinaryFormat.isBinary(bytes) ? .binary(file: file, format: BinaryFormat(sniffing: bytes)) : .notPEM(file: file))
            return nil
        }
        for block in document.blocks where !block.isClosed || !block.isBase64 {
            findings.append(.damagedBlock(file: file, label: PEMLabel.printable(block.label)))
        }
        return document.blocks
    }

    private static func keyFindings(_ blocks: [PEMDocument.Block]) -> [BundleFinding] {
        let keys = blocks.filter { PEMLabel.privateKeys.contains($0.label) }
        if keys.isEmpty {
            if blocks.contains(where: { $0.label == PEMLabel.openSSHPrivateKey }) { return [.openSSHPrivateKey(file: keyFile)] }
            return [.noPrivateKey(file: keyFile, found: PEMLabel.printable(blocks))]
        }
        if keys.count > 1 { return [.severalPrivateKeys(file: keyFile, count: keys.count)] }
        let key = keys[0]
        if key.label == PEMLabel.encryptedPrivateKey || key.hasEncryptionHeader { return [.encryptedPrivateKey(file: keyFile)] }
        return [.privateKey(file: keyFile, label: key.label)]
    }

    /// Notes the findings of a certificate or chain file and returns how many
    /// certificates it holds.
    private static func certificateFindings(_ blocks: [PEMDocument.Block], file: String,
                                            into findings: inout [BundleFinding]) -> Int {
        let count = blocks.filter { PEMLabel.certificates.contains($0.label) }.count
        if blocks.contains(where: { PEMLabel.privateKeys.contains($0.label) }) {
            findings.append(.privateKeyOutsideKeyFile(file: file))
        }
        if count > 0 {
            if file != chainFile { findings.append(.certificates(file: file, count: count)) }
        } else if blocks.contains(where: { PEMLabel.pkcs7.contains($0.label) }) {
            findings.append(.pkcs7(file: file))
        } else {
            findings.append(.noCertificate(file: file, found: PEMLabel.printable(blocks)))
        }
        return count
    }
}
