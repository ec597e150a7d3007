/// What a rule is, for `guidekit rules`, `guidekit explain` and the tests.
///
/// Examples are complete small guides. In a triggering example, `↓` marks where the finding
/// must point (the marker is removed before checking); the tests check the rule fires there
/// and stays silent on every non-triggering example.
public struct RuleDescription: Sendable {
    public var id: String
    public var severity: Severity
    /// One line, shown by `guidekit rules`.
    public var summary: String
    /// Why the rule exists and how to fix what it reports.
    public var explanation: String
    public var triggeringExamples: [String]
    public var nonTriggeringExamples: [String]
}

/// One check over one guide. Each rule lives in its own file under `Rules/`.
public protocol GuideRule: Sendable {
    static var description: RuleDescription { get }
    func check(_ context: CheckContext) -> [Finding]
}

extension GuideRule {
    public var description: RuleDescription { Self.description }

    /// A finding of this rule at a located value.
    func finding<T>(_ guide: Guide, at located: Located<T>, _ message: String, help: String? = nil,
                    severity: Severity? = nil) -> Finding {
        finding(guide, at: located.location, length: located.length, message, help: help, severity: severity)
    }

    func finding(_ guide: Guide, at node: YAMLNode, _ message: String, help: String? = nil,
                 severity: Severity? = nil) -> Finding {
        finding(guide, at: node.location, length: node.length, message, help: help, severity: severity)
    }

    func finding(_ guide: Guide, at location: SourceLocation, length: Int = 1, _ message: String,
                 help: String? = nil, severity: Severity? = nil) -> Finding {
        Finding(path: guide.path, location: location, length: length, severity: severity ?? Self.description.severity,
                ruleID: Self.description.id, message: message, help: help)
    }
}
