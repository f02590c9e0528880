/// One event whose fields passed the rules of SPEC §2, in the compact form the
/// month-end run keeps: names interned as symbols, the id left in the input
/// (read again through ``LineLocation`` when a report needs it). 56 bytes, so
/// an unsorted log can be held and sorted (at most 64 bytes an event: README,
/// "Performance").
struct EventRecord: Sendable {
    /// When the event takes effect: UTC seconds, fraction dropped.
    var time: Int64
    /// Position in input order across all inputs, from 0.
    var sequence: Int32
    var type: EventType
    var flavor: Flavor?
    /// Instances, 1–1000; 0 when the event doesn't give it.
    var instances: UInt16
    /// MB per instance ÷ 32, 1–2048; 0 when the event doesn't give it.
    var memoryUnits: UInt16
    var account: Symbol<AccountKind>
    var application: Symbol<ApplicationKind>
    var service: Symbol<ServiceKind>
    var serviceType: Symbol<ServiceTypeKind>
    var domain: Symbol<DomainKind>
    var location: LineLocation

    /// MB per instance (SPEC §2: a multiple of 32 from 32 to 65536), or nil.
    var memoryMB: Int? { memoryUnits == 0 ? nil : Int(memoryUnits) * 32 }
    var instanceCount: Int? { instances == 0 ? nil : Int(instances) }
}
