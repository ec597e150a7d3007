import GuideDocument
import GuideKnowledge

/// `client-authorization-policy`: the policy is built in or defined in the guide (rule AP-2).
struct ClientAuthorizationPolicyRule: GuideRule {
    static let description = RuleDescription(
        id: "client-authorization-policy",
        kind: .client,
        severity: .error,
        summary: "authorization_policy is neither one_factor, two_factor nor a policy the guide defines.",
        explanation: """
            A client's `authorization_policy` is `one_factor`, `two_factor` (the default) or the \
            name of a policy under `identity_providers.oidc.authorization_policies`. Anything \
            else, including `deny` and `bypass`, stops Authelia.
            """,
        reads: [.clients],
        basis: [
            .validator("validateOIDCClient", rules: "AP-2"),
            .validator("validateOIDCAuthorizationPolicies"),
        ],
        triggeringExamples: [
            """
            ```yaml {guide="authelia-client"}
            - client_id: 'app'
              authorization_policy: ↓'two-factor'
            ```
            """,
        ],
        nonTriggeringExamples: [
            """
            ```yaml {guide="authelia-client"}
            identity_providers:
              oidc:
                authorization_policies:
                  admins_only:
                    default_policy: 'deny'
                clients:
                  - client_id: 'app'
                    authorization_policy: 'admins_only'
                  - client_id: 'other'
                    authorization_policy: 'one_factor'
            ```
            """,
        ])

    func check(_ context: CheckContext) -> [Finding] {
        context.clients.compactMap { decoded in
            guard !decoded.client.usesClientCredentials, let policy = decoded.client.authorizationPolicy,
                  !policy.value.isEmpty, policy.value != "one_factor", policy.value != "two_factor",
                  !context.provider.authorizationPolicies.contains(policy.value) else { return nil }
            let candidates = ["one_factor", "two_factor"] + context.provider.authorizationPolicies.sorted()
            let suggestion = Suggestion.closest(to: policy.value, in: candidates)
            return finding(context.guide, at: policy.node,
                           "authorization_policy '\(policy.value)' is not one_factor, two_factor or a policy defined in this guide\(suggestion.map { " — did you mean '\($0)'?" } ?? "")",
                           help: "define it under identity_providers.oidc.authorization_policies, or use 'two_factor'")
        }
    }
}
