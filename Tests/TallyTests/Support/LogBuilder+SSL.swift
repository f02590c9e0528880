import Foundation
@testable import Tally

extension LogBuilder {
    mutating func addDomain(_ domain: String, app: String, service: String, at time: String, account: String? = nil) {
        add("domain.added", at: time, account: account, ["app": app, "service": service, "domain": domain])
    }

    mutating func enableSSL(_ domain: String, app: String, at time: String, account: String? = nil) {
        add("ssl.enabled", at: time, account: account, ["app": app, "domain": domain])
    }

    mutating func updateCertificate(_ domain: String, at time: String, account: String? = nil) {
        add("ssl.certificate_updated", at: time, account: account, ["domain": domain])
    }

    mutating func disableSSL(_ domain: String, at time: String, account: String? = nil) {
        add("ssl.disabled", at: time, account: account, ["domain": domain])
    }

    /// Two accounts for the SSL tests, in October 2026:
    /// - `acct_a`: `shop` (live; `www` 2 × 256 MB, domain `www.shop.example`
    ///   on `www`), `sand` (sandbox; `web` 1 × 128 MB), `api` (enterprise;
    ///   `app` 1 × 512 MB, domain `api.shop.example`, SSL since 10-03);
    /// - `acct_b`: `blog` (live; `www` 1 × 128 MB, domain `www.blog.example`,
    ///   SSL since 10-05).
    static func sslScenario() -> LogBuilder {
        var log = LogBuilder(account: "acct_a")
        log.createApp("shop", "live", at: "2026-10-01T00:00:00Z")
        log.deploy("shop", "www", instances: 2, memoryMB: 256, at: "2026-10-01T00:00:00Z")
        log.addDomain("www.shop.example", app: "shop", service: "www", at: "2026-10-01T01:00:00Z")
        log.createApp("sand", "sandbox", at: "2026-10-01T00:00:00Z")
        log.deploy("sand", "web", instances: 1, memoryMB: 128, at: "2026-10-01T00:00:00Z")
        log.createApp("api", "enterprise", at: "2026-10-02T00:00:00Z")
        log.deploy("api", "app", instances: 1, memoryMB: 512, at: "2026-10-02T00:00:00Z")
        log.addDomain("api.shop.example", app: "api", service: "app", at: "2026-10-02T00:00:00Z")
        log.enableSSL("api.shop.example", app: "api", at: "2026-10-03T00:00:00Z")
        log.createApp("blog", "live", at: "2026-10-01T00:00:00Z", account: "acct_b")
        log.deploy("blog", "www", instances: 1, memoryMB: 128, at: "2026-10-01T00:00:00Z", account: "acct_b")
        log.addDomain("www.blog.example", app: "blog", service: "www", at: "2026-10-02T09:30:00Z", account: "acct_b")
        log.enableSSL("www.blog.example", app: "blog", at: "2026-10-05T00:00:00Z", account: "acct_b")
        return log
    }
}

/// A temporary copy of `log` on disk, with its appender.
struct TemporaryLog {
    let directory = Fixtures.temporaryDirectory()
    let path: String
    var appender: EventLogAppender { EventLogAppender(path: path) }

    init(_ log: LogBuilder = .sslScenario()) {
        path = directory.appendingPathComponent("events.jsonl").path
        precondition(FileManager.default.createFile(atPath: path, contents: Data(log.text.utf8)))
    }

    var text: String { (try? String(contentsOfFile: path, encoding: .utf8)) ?? "" }
    var lines: [String] { text.split(separator: "\n").map(String.init) }
    func remove() { try? FileManager.default.removeItem(at: directory) }
}

/// Shorthands for typed names in tests.
func acct(_ text: String) -> AccountName { try! AccountName(text) }
func appName(_ text: String) -> ApplicationName { try! ApplicationName(text) }
func domainName(_ text: String) -> DomainName { try! DomainName(text) }
func serviceName(_ text: String) -> ServiceName { try! ServiceName(text) }
func utc(_ text: String) -> Timestamp { Timestamp(rfc3339: text)! }
