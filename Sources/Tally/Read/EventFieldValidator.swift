/// Checks the fields of one parsed object against SPEC §2 and makes the
/// compact ``EventRecord``. Only the fields the event's type lists are read;
/// others are ignored, so producers can add fields (SPEC §2).
struct EventFieldValidator {
    /// What a rejected line still tells: its id, account and time when
    /// readable (they hold an account's invoice: README, "Held invoices").
    struct Partial {
        var id: String?
        var account: AccountName?
        var time: Timestamp?
    }

    enum Outcome {
        case valid(EventRecord, id: UnsafeRawBufferPointer)
        case invalid(RejectionReason, Partial)
    }

    /// Validates `fields`, whose strings live in `storage`: the fast path for
    /// the common line, falling back to ``diagnose(_:storage:location:sequence:symbols:)``
    /// for the exact reason whenever anything is amiss.
    @inline(__always)
    static func validate(
        _ fields: ParsedFields, storage: UnsafeRawBufferPointer, location: LineLocation, sequence: Int32,
        symbols: inout SymbolTable
    ) -> Outcome {
        if let record = fastRecord(fields, storage: storage, location: location, sequence: sequence, symbols: &symbols),
           case let .string(start, end) = fields[.id] {
            return .valid(record, id: UnsafeRawBufferPointer(rebasing: storage[start..<end]))
        }
        return diagnose(fields, storage: storage, location: location, sequence: sequence, symbols: &symbols)
    }

    /// The record when every field the type needs is present and valid; `nil`
    /// on the first doubt, without saying why.
    @inline(__always)
    private static func fastRecord(
        _ fields: ParsedFields, storage: UnsafeRawBufferPointer, location: LineLocation, sequence: Int32,
        symbols: inout SymbolTable
    ) -> EventRecord? {
        @inline(__always) func string(_ field: EventField) -> UnsafeRawBufferPointer? {
            guard case let .string(start, end) = fields[field] else { return nil }
            return UnsafeRawBufferPointer(rebasing: storage[start..<end])
        }
        @inline(__always) func name<Kind>(_ field: EventField, _ rule: NameRule, _ kind: Kind.Type) -> Symbol<Kind>? {
            guard let bytes = string(field) else { return nil }
            return symbols.intern(bytes, rule: rule, as: Kind.self)
        }
        @inline(__always) func instances() -> UInt16? {
            guard case let .integer(value) = fields[.instances], value >= 1, value <= 1000 else { return nil }
            return UInt16(value)
        }
        @inline(__always) func memoryUnits() -> UInt16? {
            guard case let .integer(value) = fields[.memoryMB], value >= 32, value <= 65536, value & 31 == 0 else { return nil }
            return UInt16(value >> 5)
        }

        guard let id = string(.id), NameRule.eventID.accepts(id),
              let timeBytes = string(.time), let time = Timestamp.parseRFC3339(timeBytes),
              let typeBytes = string(.type), let type = EventType(bytes: typeBytes),
              let account = name(.account, .identifier, AccountKind.self)
        else { return nil }
        var record = EventRecord(
            time: time.secondsSinceEpoch, sequence: sequence, type: type, flavor: nil, instances: 0, memoryUnits: 0,
            account: account, application: .none, service: .none, serviceType: .none, domain: .none, location: location)
        switch type {
        case .applicationCreated, .applicationFlavorChanged:
            guard let app = name(.app, .identifier, ApplicationKind.self), let flavorBytes = string(.flavor),
                  let flavor = Flavor(bytes: flavorBytes) else { return nil }
            record.application = app
            record.flavor = flavor
        case .applicationDestroyed:
            guard let app = name(.app, .identifier, ApplicationKind.self) else { return nil }
            record.application = app
        case .serviceDeployed:
            guard let app = name(.app, .identifier, ApplicationKind.self),
                  let service = name(.service, .identifier, ServiceKind.self),
                  let serviceType = name(.serviceType, .identifier, ServiceTypeKind.self),
                  let count = instances(), let units = memoryUnits() else { return nil }
            record.application = app
            record.service = service
            record.serviceType = serviceType
            record.instances = count
            record.memoryUnits = units
        case .serviceScaled:
            guard let app = name(.app, .identifier, ApplicationKind.self),
                  let service = name(.service, .identifier, ServiceKind.self) else { return nil }
            record.application = app
            record.service = service
            let hasInstances = fields[.instances] != .absent
            let hasMemory = fields[.memoryMB] != .absent
            guard hasInstances || hasMemory else { return nil }
            if hasInstances {
                guard let count = instances() else { return nil }
                record.instances = count
            }
            if hasMemory {
                guard let units = memoryUnits() else { return nil }
                record.memoryUnits = units
            }
        case .serviceDestroyed:
            guard let app = name(.app, .identifier, ApplicationKind.self),
                  let service = name(.service, .identifier, ServiceKind.self) else { return nil }
            record.application = app
            record.service = service
        case .domainAdded:
            guard let app = name(.app, .identifier, ApplicationKind.self),
                  let service = name(.service, .identifier, ServiceKind.self),
                  let domain = name(.domain, .domain, DomainKind.self) else { return nil }
            record.application = app
            record.service = service
            record.domain = domain
        case .domainRemoved, .sslEnabled:
            guard let app = name(.app, .identifier, ApplicationKind.self),
                  let domain = name(.domain, .domain, DomainKind.self) else { return nil }
            record.application = app
            record.domain = domain
        case .sslCertificateUpdated, .sslDisabled:
            guard let domain = name(.domain, .domain, DomainKind.self) else { return nil }
            record.domain = domain
        }
        return record
    }
}
