import GuideDocument
import GuideKnowledge

/// `client-policy-reference`: a client's lifespan and claims policy exist (rules LS-1, LS-2,
/// SC-5), as far as the guide shows.
struct ClientPolicyReferenceRule: GuideRule {
    static let description = RuleDescription(
        id: "client-policy-reference",
        kind: .client,
        severity: .warning,
        summary: "A client names a lifespan or claims policy the guide never defines.",
        explanation: """
            `lifespan` must name an entry of `identity_providers.oidc.lifespans.custom` and \
            `claims_policy` an entry of `identity_providers.oidc.claims_policies`; Authelia \
            refuses unknown names. A guide that uses one should show its definition, or the \
            reader's Authelia will not start. A warning, because the definition may live in a \
            part of the configuration the guide does not show.
            """,
        reads: [.clients],
        basis: [.validator("validateOIDCClient", rules: "LS-1, LS-2, and SC-5 for claims_policy (4.39)")],
        triggeringExamples: [
            """
            ```yaml {guide="authelia-client"}
            - client_id: 'app'
              claims_policy: ↓'app'
            ```
            """,
        ],
        nonTriggeringExamples: [
            """
            ```yaml {guide="authelia-client"}
            identity_providers:
              oidc:
                claims_policies:
                  app:
                    id_token: ['groups']
                lifespans:
                  custom:
                    short:
                      access_token: '5m'
                clients:
                  - client_id: 'app'
                    claims_policy: 'app'
                    lifespan: 'short'
            ```
            """,
        ])

    func check(_ context: CheckContext) -> [Finding] {
        var findings: [Finding] = []
        for decoded in context.clients {
            let client = decoded.client
            if let policy = client.claimsPolicy, !policy.value.isEmpty, context.provider.idTokenClaims[policy.value] == nil {
                findings.append(finding(context.guide, at: policy.node,
                                        "claims_policy '\(policy.value)' is not defined in this guide",
                                        help: "show identity_providers.oidc.claims_policies.\(policy.value) in the guide"))
            }
            if let lifespan = client.lifespan, !lifespan.value.isEmpty, !context.provider.customLifespans.contains(lifespan.value) {
                findings.append(finding(context.guide, at: lifespan.node,
                                        "lifespan '\(lifespan.value)' is not defined in this guide",
                                        help: "show identity_providers.oidc.lifespans.custom.\(lifespan.value) in the guide"))
            }
        }
        return findings
    }
}
