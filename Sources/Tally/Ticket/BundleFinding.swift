/// One finding of the certificate bundle pre-check (README, "For the ticket
/// service"). Findings name files and PEM labels from a fixed list only; they
/// never hold any of the files' contents, so a report can be pasted into a
/// ticket or a log.
public enum BundleFinding: Sendable, Hashable, CustomStringConvertible {
    /// How much a finding matters.
    public enum Severity: String, Sendable, Hashable, Comparable {
        /// As the SSL guide asks.
        case ok
        /// Works, but probably not as meant (e.g. no chain).
        case warning
        /// Support can't install the bundle until the customer fixes this.
        case problem

        /// Orders severities from the least to the most serious.
        public static func < (lhs: Severity, rhs: Severity) -> Bool {
            [.ok, .warning, .problem].firstIndex(of: lhs)! < [.ok, .warning, .problem].firstIndex(of: rhs)!
        }
    }

    /// What a name in the bundle is when it is not a regular file.
    public enum FileKind: String, Sendable, Hashable {
        /// A FIFO (named pipe): reading it would wait for a writer forever.
        case fifo
        /// A character device, e.g. `/dev/zero` behind a link.
        case characterDevice
        /// A block device.
        case blockDevice
        /// A Unix socket.
        case socket
        /// A directory.
        case directory
        /// A symbolic link to a file that does not exist.
        case danglingLink
        /// Anything else that is not a regular file.
        case other

        /// The kind of file a `stat` mode (`st_mode`) describes.
        ///
        /// - Parameter mode: the mode; its file-type bits decide.
        public init(mode: UInt32) {
            switch mode & 0o170000 {
            case 0o010000: self = .fifo
            case 0o020000: self = .characterDevice
            case 0o060000: self = .blockDevice
            case 0o140000: self = .socket
            case 0o040000: self = .directory
            default: self = .other
            }
        }

        /// The kind in words, e.g. `a FIFO (named pipe)`.
        public var summary: String {
            switch self {
            case .fifo: "a FIFO (named pipe)"
            case .characterDevice: "a character device"
            case .blockDevice: "a block device"
            case .socket: "a socket"
            case .directory: "a directory"
            case .danglingLink: "a symbolic link to a file that does not exist"
            case .other: "a special file"
            }
        }
    }

    /// A required file (`ssl.key`, `ssl.crt`) is not there.
    case missing(file: String)
    /// The name is not a regular file (`kind` says what it is); it was not
    /// read, since reading a FIFO or a device could wait forever.
    case notRegularFile(file: String, kind: FileKind)
    /// The file exists but can't be read.
    case unreadable(file: String)
    /// The file is empty or holds only white space.
    case empty(file: String)
    /// The file is larger than any key or certificate file:
    /// `bytes` is its size, over ``CertificateBundleCheck/maximumFileSize``.
    case tooLarge(file: String, bytes: Int)
    /// The file is binary, not PEM text; `format` says what it looks like.
    case binary(file: String, format: BinaryFormat)
    /// The file is text without any `-----BEGIN …-----` line.
    case notPEM(file: String)
    /// A PEM block is not closed by its `-----END …-----` line, or its body is not base64.
    case damagedBlock(file: String, label: String)
    /// The key is PEM and not protected by a passphrase; `label` is its PEM label.
    case privateKey(file: String, label: String)
    /// The key is protected by a passphrase (`ENCRYPTED PRIVATE KEY` or `Proc-Type: 4,ENCRYPTED`).
    case encryptedPrivateKey(file: String)
    /// The key is in OpenSSH's own format, which web servers can't use.
    case openSSHPrivateKey(file: String)
    /// The key file holds no private key; `found` lists the PEM labels it has.
    case noPrivateKey(file: String, found: [String])
    /// The key file holds more than one private key.
    case severalPrivateKeys(file: String, count: Int)
    /// The file holds `count` PEM certificates.
    case certificates(file: String, count: Int)
    /// The certificate file holds no certificate; `found` lists the PEM labels it has.
    case noCertificate(file: String, found: [String])
    /// The file is a PEM PKCS#7 bundle (`-----BEGIN PKCS7-----`), not PEM certificates.
    case pkcs7(file: String)
    /// A certificate or chain file also holds a private key: it belongs in `ssl.key` only.
    case privateKeyOutsideKeyFile(file: String)
    /// A chain is present: `count` certificates in `ssl.chain`, or after the
    /// first certificate of `ssl.crt` (bundled).
    case chain(file: String, count: Int)
    /// There is no chain: no `ssl.chain` and a single certificate in `ssl.crt`.
    case noChain

    /// How much the finding matters.
    public var severity: Severity {
        switch self {
        case .privateKey, .certificates, .chain: .ok
        case .noChain, .privateKeyOutsideKeyFile: .warning
        default: .problem
        }
    }

    /// A stable identifier of the kind of finding, for programs: `missing`,
    /// `not-regular-file`, `unreadable`, `empty`, `too-large`, `binary`, `not-pem`, `damaged-block`,
    /// `private-key`, `encrypted-private-key`, `openssh-private-key`,
    /// `no-private-key`, `several-private-keys`, `certificates`,
    /// `no-certificate`, `pkcs7`, `private-key-outside-key-file`, `chain`, `no-chain`.
    public var code: String {
        switch self {
        case .missing: "missing"
        case .notRegularFile: "not-regular-file"
        case .unreadable: "unreadable"
        case .empty: "empty"
        case .tooLarge: "too-large"
        case .binary: "binary"
        case .notPEM: "not-pem"
        case .damagedBlock: "damaged-block"
        case .privateKey: "private-key"
        case .encryptedPrivateKey: "encrypted-private-key"
        case .openSSHPrivateKey: "openssh-private-key"
        case .noPrivateKey: "no-private-key"
        case .severalPrivateKeys: "several-private-keys"
        case .certificates: "certificates"
        case .noCertificate: "no-certificate"
        case .pkcs7: "pkcs7"
        case .privateKeyOutsideKeyFile: "private-key-outside-key-file"
        case .chain: "chain"
        case .noChain: "no-chain"
        }
    }

    /// The file the finding is about, or `nil` for the bundle as a whole.
    public var file: String? {
        switch self {
        case let .missing(file), let .notRegularFile(file, _), let .unreadable(file), let .empty(file), let .tooLarge(file, _),
             let .binary(file, _), let .notPEM(file), let .damagedBlock(file, _), let .privateKey(file, _),
             let .encryptedPrivateKey(file), let .openSSHPrivateKey(file), let .noPrivateKey(file, _),
             let .severalPrivateKeys(file, _), let .certificates(file, _), let .noCertificate(file, _),
             let .pkcs7(file), let .privateKeyOutsideKeyFile(file), let .chain(file, _):
            file
        case .noChain:
            nil
        }
    }

    /// What was found and, for a warning or problem, what the customer can do.
    public var description: String {
        switch self {
        case let .missing(file):
            "\(file) is missing; the customer must provide it"
        case let .unreadable(file):
            "\(file) can't be read; check its permissions"
        case let .empty(file):
            "\(file) is empty"
        case let .notRegularFile(file, kind):
            "\(file) is \(kind.summary), not a regular file; it was not read: the customer must provide \(file) as an ordinary file"
        case let .tooLarge(file, bytes):
            "\(file) is \(NumberText.grouped(bytes)) bytes, too large for a key or certificate file (at most \(NumberText.grouped(CertificateBundleCheck.maximumFileSize)) bytes, 1 MiB)"
        case let .binary(file, format):
            "\(file) is \(format.summary), not PEM text; " + Self.conversion(for: format, file: file)
        case let .notPEM(file):
            "\(file) is not PEM: it has no -----BEGIN ...----- line"
        case let .damagedBlock(file, label):
            "\(file): the \(label) block is damaged (no matching END line, or a body that is not base64); the file may be truncated"
        case let .privateKey(file, label):
            "\(file): PEM private key (\(label)), not protected by a passphrase"
        case let .encryptedPrivateKey(file):
            "\(file): the private key is protected by a passphrase; the edge servers can't use it: remove the passphrase (openssl pkey -in \(file) -out \(file).nopass)"
        case let .openSSHPrivateKey(file):
            "\(file) is an OpenSSH key, not a PEM private key for a web server"
        case let .noPrivateKey(file, found):
            "\(file) holds no private key" + Self.foundList(found)
        case let .severalPrivateKeys(file, count):
            "\(file) holds \(count) private keys; keep only the one that belongs to the certificate"
        case let .certificates(file, count):
            "\(file): \(count) PEM certificate\(count == 1 ? "" : "s")"
        case let .noCertificate(file, found):
            "\(file) holds no certificate" + Self.foundList(found)
        case let .pkcs7(file):
            "\(file) is a PKCS#7 bundle, not PEM certificates; convert it (openssl pkcs7 -print_certs -in \(file) -out \(file).pem)"
        case let .privateKeyOutsideKeyFile(file):
            "\(file) also holds a private key; it belongs in ssl.key only"
        case let .chain(file, count) where file == CertificateBundleCheck.chainFile:
            "chain present: \(count) certificate\(count == 1 ? "" : "s") in \(file)"
        case let .chain(file, count):
            "chain present: \(count) certificate\(count == 1 ? "" : "s") after the first in \(file)"
        case .noChain:
            "no chain: no ssl.chain and a single certificate in ssl.crt; most certificate authorities need their intermediate certificates in ssl.chain"
        }
    }

    private static func foundList(_ labels: [String]) -> String {
        labels.isEmpty ? "" : " (found: \(labels.joined(separator: ", ")))"
    }

    private static func conversion(for format: BinaryFormat, file: String) -> String {
        switch format {
        case .derCertificate: "convert it (openssl x509 -inform der -in \(file) -out \(file).pem)"
        case .derPrivateKey: "convert it (openssl pkey -inform der -in \(file) -out \(file).pem)"
        case .derEncryptedPrivateKey: "convert it without a passphrase (openssl pkey -inform der -in \(file) -out \(file).pem)"
        case .pkcs7: "convert it (openssl pkcs7 -inform der -print_certs -in \(file) -out \(file).pem)"
        case .pkcs12: "extract the key and certificates (openssl pkcs12 -in \(file) -nocerts -nodes -out ssl.key.pem; openssl pkcs12 -in \(file) -nokeys -out ssl.crt.pem)"
        case .unknown: "the customer must provide PEM files"
        }
    }
}
