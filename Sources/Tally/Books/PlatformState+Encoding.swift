extension PlatformState {
    /// Writes the platform in the books' binary format: applications with
    /// their lists of services, domains and SSL edges (in list order, so each
    /// keeps its place), then the services, domain attachments and edges.
    func encode(to writer: inout BinaryWriter) {
        writer.write(nextIncarnation)
        writer.write(UInt64(applications.count))
        for (key, application) in applications {
            writer.write(key.account.index)
            writer.write(key.application.index)
            writer.write(application.flavor.code)
            writer.write(application.incarnation)
            writer.write(application.createdAt)
            writer.write(UInt64(application.services.count))
            for service in application.services { writer.write(service.index) }
            writer.write(UInt64(application.domains.count))
            for domain in application.domains { writer.write(domain.index) }
            writer.write(UInt64(application.sslEdges.count))
            for domain in application.sslEdges { writer.write(domain.index) }
        }
        writer.write(UInt64(services.count))
        for (key, service) in services {
            writer.write(key.account.index)
            writer.write(key.application.index)
            writer.write(key.service.index)
            writer.write(service.type.index)
            writer.write(service.instances)
            writer.write(service.memoryUnits)
            writer.write(service.deployedAt)
            writer.write(service.since)
            writer.write(service.cause)
            writer.write(service.slot)
        }
        writer.write(UInt64(domains.count))
        for (domain, attachment) in domains {
            writer.write(domain.index)
            writer.write(attachment.account.index)
            writer.write(attachment.application.index)
            writer.write(attachment.service.index)
            writer.write(attachment.slot)
        }
        writer.write(UInt64(sslEdges.count))
        for (domain, edge) in sslEdges {
            writer.write(domain.index)
            writer.write(edge.account.index)
            writer.write(edge.application.index)
            writer.write(edge.applicationIncarnation)
            writer.write(edge.flavor.code)
            writer.write(edge.enabledAt)
            writer.write(edge.since)
            writer.write(edge.applicationDestroyedAt != nil)
            writer.write(edge.applicationDestroyedAt ?? 0)
            writer.write(edge.cause)
            writer.write(edge.applicationSlot)
        }
    }

    /// Reads a platform ``encode(to:)`` wrote, over a table of `symbols` names.
    ///
    /// - Parameter indexingAccounts: also list each account's applications and edges.
    /// - Throws: ``BinaryReader/Damaged`` when the bytes are not such a platform.
    init(decoding reader: inout BinaryReader, symbols: Int, indexingAccounts: Bool) throws(BinaryReader.Damaged) {
        self.init(indexingAccounts: indexingAccounts)
        func symbol<Kind>(_ kind: Kind.Type = Kind.self) throws(BinaryReader.Damaged) -> Symbol<Kind> {
            let index: Int32 = try reader.read()
            guard index >= 0, Int(index) < symbols else { throw BinaryReader.Damaged(what: "a name at byte \(reader.offset - 4)") }
            return Symbol(index: index)
        }
        func flavor() throws(BinaryReader.Damaged) -> Flavor {
            guard let flavor = Flavor(code: try reader.read()) else { throw BinaryReader.Damaged(what: "a flavor") }
            return flavor
        }
        nextIncarnation = try reader.read()
        for _ in 0..<(try reader.readCount(minimumSize: 49)) {
            let key = ApplicationKey(account: try symbol(), application: try symbol())
            var application = Application(flavor: try flavor(), incarnation: try reader.read(), createdAt: try reader.read())
            for _ in 0..<(try reader.readCount(minimumSize: 4)) { application.services.append(try symbol()) }
            for _ in 0..<(try reader.readCount(minimumSize: 4)) { application.domains.append(try symbol()) }
            for _ in 0..<(try reader.readCount(minimumSize: 4)) { application.sslEdges.append(try symbol()) }
            if indexingAccounts {
                application.accountSlot = Int32(accounts[key.account]?.applications.count ?? 0)
                if accounts.modify(key.account, { $0.applications.append(key.application) }) == nil {
                    accounts[key.account] = AccountIndex(applications: [key.application])
                }
            }
            applications[key] = application
        }
        for _ in 0..<(try reader.readCount(minimumSize: 58)) {
            let key = ServiceKey(account: try symbol(), application: try symbol(), service: try symbol())
            services[key] = Service(type: try symbol(), instances: try reader.read(), memoryUnits: try reader.read(),
                                    deployedAt: try reader.read(), since: try reader.read(), cause: try reader.readLocation(),
                                    slot: try reader.read())
        }
        for _ in 0..<(try reader.readCount(minimumSize: 20)) {
            let domain: Symbol<DomainKind> = try symbol()
            domains[domain] = DomainAttachment(account: try symbol(), application: try symbol(), service: try symbol(),
                                               slot: try reader.read())
        }
        for _ in 0..<(try reader.readCount(minimumSize: 60)) {
            let domain: Symbol<DomainKind> = try symbol()
            var edge = SSLEdge(account: try symbol(), application: try symbol(), applicationIncarnation: try reader.read(),
                               flavor: try flavor(), enabledAt: try reader.read(), since: try reader.read(),
                               applicationDestroyedAt: nil, cause: LineLocation(source: 0, line: 0, offset: 0, length: 0),
                               applicationSlot: -1)
            let destroyed = try reader.readBool()
            let destroyedAt: Int64 = try reader.read()
            edge.applicationDestroyedAt = destroyed ? destroyedAt : nil
            edge.cause = try reader.readLocation()
            edge.applicationSlot = try reader.read()
            if indexingAccounts {
                edge.accountSlot = Int32(accounts[edge.account]?.sslEdges.count ?? 0)
                if accounts.modify(edge.account, { $0.sslEdges.append(domain) }) == nil {
                    accounts[edge.account] = AccountIndex(sslEdges: [domain])
                }
            }
            sslEdges[domain] = edge
        }
    }
}

extension Flavor {
    /// The flavor as one byte in the books.
    var code: UInt8 {
        switch self {
        case .sandbox: 0
        case .live: 1
        case .enterprise: 2
        }
    }

    /// The flavor of a byte ``code`` wrote.
    init?(code: UInt8) {
        switch code {
        case 0: self = .sandbox
        case 1: self = .live
        case 2: self = .enterprise
        default: return nil
        }
    }
}
