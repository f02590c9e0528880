extension EventFieldValidator {
    /// Checks `fields` one rule at a time and says exactly which rule the line
    /// breaks first, with what the line still tells; the slow path, taken when
    /// ``validate(_:storage:location:sequence:symbols:)`` finds anything amiss.
    static func diagnose(
        _ fields: ParsedFields, storage: UnsafeRawBufferPointer, location: LineLocation, sequence: Int32,
        symbols: inout SymbolTable
    ) -> Outcome {
        func bytes(_ start: Int, _ end: Int) -> UnsafeRawBufferPointer {
            UnsafeRawBufferPointer(rebasing: storage[start..<end])
        }
        func text(_ start: Int, _ end: Int) -> String {
            String(decoding: bytes(start, end), as: UTF8.self)
        }
        /// The string value of a field, or why it isn't one.
        func string(_ field: EventField) -> Result<UnsafeRawBufferPointer, RejectionReason> {
            switch fields[field] {
            case .absent: .failure(.missingField(field))
            case let .string(start, end): .success(bytes(start, end))
            case let other: .failure(.wrongType(field, expected: "a string", found: other.typeName))
            }
        }
        func name<Kind: NameKind>(_ field: EventField, _ kind: Kind.Type) -> Result<Symbol<Kind>, RejectionReason> {
            string(field).flatMap { raw in
                guard let symbol = symbols.intern(raw, rule: Kind.rule, as: Kind.self) else {
                    return .failure(.invalidValue(field, value: String(decoding: raw, as: UTF8.self), rule: Kind.rule.summary))
                }
                return .success(symbol)
            }
        }
        func integer(_ field: EventField, in range: ClosedRange<Int64>, multipleOf step: Int64, rule: String) -> Result<Int64, RejectionReason> {
            switch fields[field] {
            case .absent:
                return .failure(.missingField(field))
            case let .integer(value):
                guard range.contains(value), value % step == 0 else {
                    return .failure(.invalidValue(field, value: String(value), rule: rule))
                }
                return .success(value)
            case let .number(start, end):
                return .failure(.invalidValue(field, value: text(start, end), rule: rule))
            case let other:
                return .failure(.wrongType(field, expected: "an integer", found: other.typeName))
            }
        }

        // The common fields, each read on its own so a rejected line still
        // tells what it can.
        var partial = Partial()
        let idResult = string(.id).flatMap { raw -> Result<UnsafeRawBufferPointer, RejectionReason> in
            NameRule.eventID.accepts(raw)
                ? .success(raw)
                : .failure(.invalidValue(.id, value: String(decoding: raw, as: UTF8.self), rule: NameRule.eventID.summary))
        }
        if case let .success(raw) = idResult { partial.id = String(decoding: raw, as: UTF8.self) }
        let timeResult = string(.time).flatMap { raw -> Result<Timestamp, RejectionReason> in
            Timestamp.parseRFC3339(raw).map { .success($0) }
                ?? .failure(.invalidValue(.time, value: String(decoding: raw, as: UTF8.self),
                                          rule: "an RFC 3339 date-time such as 2026-10-03T14:05:00Z"))
        }
        if case let .success(time) = timeResult { partial.time = time }
        let accountResult = name(.account, AccountKind.self)
        if case let .success(symbol) = accountResult { partial.account = symbols.name(symbol) }

        let id: UnsafeRawBufferPointer
        let time: Timestamp
        switch idResult {
        case let .success(value): id = value
        case let .failure(reason): return .invalid(reason, partial)
        }
        switch timeResult {
        case let .success(value): time = value
        case let .failure(reason): return .invalid(reason, partial)
        }
        let type: EventType
        switch string(.type) {
        case let .success(raw):
            guard let known = EventType(rawValue: String(decoding: raw, as: UTF8.self)) else {
                return .invalid(.unknownType(String(decoding: raw, as: UTF8.self)), partial)
            }
            type = known
        case let .failure(reason):
            return .invalid(reason, partial)
        }
        var record = EventRecord(
            time: time.secondsSinceEpoch, sequence: sequence, type: type, flavor: nil, instances: 0, memoryUnits: 0,
            account: .none, application: .none, service: .none, serviceType: .none, domain: .none, location: location)
        switch accountResult {
        case let .success(symbol): record.account = symbol
        case let .failure(reason): return .invalid(reason, partial)
        }

        let instancesRule = "an integer from 1 to 1000"
        let memoryRule = "an integer multiple of 32 from 32 to 65536"
        for field in type.requiredFields {
            let failure: RejectionReason?
            switch field {
            case .app:
                switch name(.app, ApplicationKind.self) {
                case let .success(symbol): record.application = symbol; failure = nil
                case let .failure(reason): failure = reason
                }
            case .service:
                switch name(.service, ServiceKind.self) {
                case let .success(symbol): record.service = symbol; failure = nil
                case let .failure(reason): failure = reason
                }
            case .serviceType:
                switch name(.serviceType, ServiceTypeKind.self) {
                case let .success(symbol): record.serviceType = symbol; failure = nil
                case let .failure(reason): failure = reason
                }
            case .domain:
                switch name(.domain, DomainKind.self) {
                case let .success(symbol): record.domain = symbol; failure = nil
                case let .failure(reason): failure = reason
                }
            case .flavor:
                switch string(.flavor) {
                case let .success(raw):
                    let text = String(decoding: raw, as: UTF8.self)
                    if let flavor = Flavor(rawValue: text) { record.flavor = flavor; failure = nil } else { failure = .unknownFlavor(text) }
                case let .failure(reason): failure = reason
                }
            case .instances:
                switch integer(.instances, in: 1...1000, multipleOf: 1, rule: instancesRule) {
                case let .success(value): record.instances = UInt16(value); failure = nil
                case let .failure(reason): failure = reason
                }
            case .memoryMB:
                switch integer(.memoryMB, in: 32...65536, multipleOf: 32, rule: memoryRule) {
                case let .success(value): record.memoryUnits = UInt16(value / 32); failure = nil
                case let .failure(reason): failure = reason
                }
            case .id, .time, .type, .account:
                failure = nil
            }
            if let failure { return .invalid(failure, partial) }
        }
        if type == .serviceScaled {
            if fields[.instances] == .absent, fields[.memoryMB] == .absent { return .invalid(.nothingToScale, partial) }
            if fields[.instances] != .absent {
                switch integer(.instances, in: 1...1000, multipleOf: 1, rule: instancesRule) {
                case let .success(value): record.instances = UInt16(value)
                case let .failure(reason): return .invalid(reason, partial)
                }
            }
            if fields[.memoryMB] != .absent {
                switch integer(.memoryMB, in: 32...65536, multipleOf: 32, rule: memoryRule) {
                case let .success(value): record.memoryUnits = UInt16(value / 32)
                case let .failure(reason): return .invalid(reason, partial)
                }
            }
        }
        return .valid(record, id: id)
    }
}
