/// Runs the rules over guides. Pure: text in, findings out; reading files is the caller's job.
public struct Checker: Sendable {
    public var rules: [any GuideRule]

    public init(rules: [any GuideRule] = RuleRegistry.all) {
        self.rules = rules
    }

    public func check(_ guide: Guide) -> [Finding] {
        rules.flatMap { $0.check(guide) }.sorted { ($0.location, $0.ruleID) < ($1.location, $1.ruleID) }
    }

    public func check(path: String, text: String) -> (Guide, [Finding]) {
        let guide = GuideParser.parse(path: path, text: text)
        return (guide, check(guide))
    }
}
