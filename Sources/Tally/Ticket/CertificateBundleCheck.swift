import Foundation

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
            let path = (directory as NSString).appendingPathComponent(name)
            guard FileManager.default.fileExists(atPath: path) else { return .absent }
            guard let handle = FileHandle(forReadingAtPath: path),
                  let data = try? handle.read(upToCount: maximumFileSize + 1)
            else { return .unreadable }
            try? handle.close()
            return .bytes([UInt8](data))
        }
        return BundleCheckResult(directory: directory,
                                 findings: check(key: read(keyFile), certificate: read(certificateFile), chain: read(chainFile)))
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
        return findings
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
