import GuideDocument
import GuideKnowledge

/// Every rule GuideKit runs, in the order `guidekit rules` lists them.
public enum RuleRegistry {
    public static let all: [any GuideRule] = [
        YAMLSyntaxRule(),
        MissingAssumptionsRule(),
        AssumptionValueRule(),
        AssumptionConflictRule(),
        ClientIDMismatchRule(),
        RedirectURIOutsideAppRule(),
        AppSettingMismatchRule(),
        AppSettingPlaceholderRule(),
        AppVariantMismatchRule(),
        AppServiceNameRule(),
        ConfigUnknownKeyRule(),
        FenceSwallowsLineRule(),
        URLMalformedRule(),
        InfoStringRule(),
        UnclosedFenceRule(),
        UnclosedFrontMatterRule(),
        LineTooLongRule(),
        TemplateLeakRule(),
        // The application side against Authelia's: cross-checks.
        AutheliaURLRule(),
        AppScopesRule(),
        AppClaimScopeRule(),
        AppBaseURLRule(),
        AppAllowlistRule(),
        AppRedirectURIRule(),
        AppDomainsConfigRule(),
        // What an application profile documents (Sources/GuideKnowledge/ProfileData/applications/).
        ProfileRedirectURIRule(),
        ProfileAuthMethodRule(),
        ProfileClaimsLocationRule(),
        ProfilePKCERule(),
        ProfileSettingValueRule(),
        // Inline suppressions.
        SuppressionReasonRule(),
        UnusedSuppressionRule(),
        UnknownDirectiveRule(),
        // The Authelia client, checked as Authelia's validator would (reference sheet, part b).
        ClientBlockUnreadableRule(),
        ClientUnknownKeyRule(),
        ClientRenamedKeyRule(),
        ClientValueTypeRule(),
        ClientValueEnumRule(),
        ClientIDFormatRule(),
        ClientIDDuplicateRule(),
        ClientSecretDigestRule(),
        ClientSecretMismatchRule(),
        ClientSecretPublicRule(),
        ClientSecretRequiredRule(),
        ClientPlaintextSecretRule(),
        ClientSecretKindRule(),
        ClientAuthMethodRule(),
        ClientRedirectURIRule(),
        ClientRequestURIRule(),
        ClientDuplicateValueRule(),
        ClientScopeUnknownRule(),
        ClientScopeGrantRule(),
        ClientResponseGrantRule(),
        ClientCredentialsRule(),
        ClientAuthorizationPolicyRule(),
        ClientPolicyReferenceRule(),
        ClientSigningAlgRule(),
        ClientPKCERule(),
        ClientSectorIdentifierRule(),
        ClientJWKSRule(),
        ClientEncryptionRule(),
        ClientBearerAuthzRule(),
    ]

    public static func rule(id: String) -> (any GuideRule)? {
        all.first { type(of: $0).description.id == id }
    }
}
