/// Tally: billing and metering for a dotCloud-style platform-as-a-service.
///
/// The month-end run is ``BillingPipeline``; its result renders itself as a
/// ``Report`` (text, JSON, CSV, HTML). Rules and formats: SPEC.md, summarised in the README.
public enum Tally {
    /// The version `tally --version` prints.
    public static let version = "0.2.0"
}
