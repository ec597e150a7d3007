import GuideDocument
import GuideKnowledge

/// Every rule GuideKit runs: `all` is generated from the rule files
/// (RuleRegistry+Generated.swift, scripts/generate-rule-registry).
public enum RuleRegistry {
    public static func rule(id: String) -> (any GuideRule)? {
        all.first { type(of: $0).description.id == id }
    }
}
