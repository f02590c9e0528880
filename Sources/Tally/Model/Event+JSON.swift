import Foundation

extension Event {
    /// The event as one line of the event log (SPEC §2), without the newline:
    /// a flat JSON object with sorted keys, e.g.
    /// `{"account":"acct_1","app":"blog","domain":"www.example.org","id":"…","time":"2026-10-05T00:00:00Z","type":"ssl.enabled"}`.
    public var jsonLine: String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        // Names, timestamps and small integers always encode.
        let data = (try? encoder.encode(EventLineDocument(self))) ?? Data()
        return String(decoding: data, as: UTF8.self)
    }
}

/// The fields of one event-log line, as written.
private struct EventLineDocument: Encodable {
    var id: String
    var time: String
    var type: String
    var account: String
    var app: String?
    var service: String?
    var serviceType: String?
    var instances: Int?
    var memoryMB: Int?
    var domain: String?
    var flavor: String?

    enum CodingKeys: String, CodingKey {
        case id, time, type, account, app, service
        case serviceType = "service_type"
        case instances
        case memoryMB = "memory_mb"
        case domain, flavor
    }

    init(_ event: Event) {
        id = event.id.text
        time = event.time.description
        type = event.type.rawValue
        account = event.account.text
        switch event.action {
        case let .applicationCreated(app, flavor), let .applicationFlavorChanged(app, flavor):
            self.app = app.text
            self.flavor = flavor.rawValue
        case let .applicationDestroyed(app):
            self.app = app.text
        case let .serviceDeployed(app, service, type, instances, memoryMB):
            self.app = app.text
            self.service = service.text
            self.serviceType = type.text
            self.instances = instances
            self.memoryMB = memoryMB
        case let .serviceScaled(app, service, instances, memoryMB):
            self.app = app.text
            self.service = service.text
            self.instances = instances
            self.memoryMB = memoryMB
        case let .serviceDestroyed(app, service):
            self.app = app.text
            self.service = service.text
        case let .domainAdded(app, service, domain):
            self.app = app.text
            self.service = service.text
            self.domain = domain.text
        case let .domainRemoved(app, domain), let .sslEnabled(app, domain):
            self.app = app.text
            self.domain = domain.text
        case let .sslCertificateUpdated(domain), let .sslDisabled(domain):
            self.domain = domain.text
        }
    }
}
