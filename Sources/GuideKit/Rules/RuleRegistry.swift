/// Every rule GuideKit runs, in the order `guidekit rules` lists them.
public enum RuleRegistry {
    public static let all: [any GuideRule] = [
        YAMLSyntaxRule(),
        MissingAssumptionsRule(),
        AssumptionValueRule(),
        ClientIDMismatchRule(),
        RedirectURIOutsideAppRule(),
        AppSettingMismatchRule(),
        InfoStringRule(),
    ]

    public static func rule(id: String) -> (any GuideRule)? {
        all.first { type(of: $0).description.id == id }
    }
}
