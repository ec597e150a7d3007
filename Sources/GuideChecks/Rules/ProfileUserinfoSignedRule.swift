import GuideDocument
import GuideKnowledge

/// `profile-userinfo-signed`: a client asks Authelia for a signed UserInfo response only when
/// the application can read one.
struct ProfileUserinfoSignedRule: GuideRule {
    static let description = RuleDescription(
        id: "profile-userinfo-signed",
        kind: .profile,
        severity: .error,
        summary: "The client makes Authelia sign the UserInfo response (a JWT), which the application, as its profile documents it, cannot read.",
        explanation: """
            With `userinfo_signed_response_alg` set to anything but `none`, Authelia answers \
            the UserInfo request with a signed JWT (`Content-Type: application/jwt`) instead \
            of JSON. Most OpenID Connect client libraries parse the UserInfo response as JSON \
            only (Authlib, goth, IdentityModel.OidcClient, Spring Security, ...), so the \
            application fails to read the user and the login ends with an error after the \
            user has signed in. An application's profile states whether it reads a signed \
            response (`userinfo_signed`, from its or its library's source). Remove the key, or \
            set it to `none`.
            """,
        reads: [.clients],
        basis: [
            RuleBasis(.application, "userinfo_signed of the application's or its library's profile, citing their source (docs/PROFILES.md)"),
            RuleBasis(.autheliaRequest, "internal/handlers/handler_oauth2_oidc_userinfo.go OpenIDConnectUserinfo (authelia/authelia v4.39.20): a client whose GetUserinfoSignedResponseAlg is not none gets a JWT with Content-Type application/jwt"),
        ],
        triggeringExamples: [
            mealieGuide("    userinfo_signed_response_alg: ↓'RS256'\n"),
        ],
        nonTriggeringExamples: [
            mealieGuide("    userinfo_signed_response_alg: 'none'\n"),
            mealieGuide("    authorization_policy: 'two_factor'\n"),
        ])

    /// A Mealie guide (Authlib: JSON UserInfo only) whose client ends with `extra`.
    private static func mealieGuide(_ extra: String) -> String {
        """
        ---
        application: mealie
        ---
        ### Assumptions
        - Client ID: `mealie`

        ```yaml {guide="authelia-client"}
        clients:
          - client_id: 'mealie'
            redirect_uris: ['https://mealie.example.com/login']
        \(extra)```
        """
    }

    func check(_ context: CheckContext) -> [Finding] {
        guard let profile = context.profile, profile.userinfoSigned == false else { return [] }
        var findings: [Finding] = []
        for entry in context.clients {
            let client = entry.client
            guard let alg = client[object: .userinfo].signedAlg, !alg.value.isEmpty, alg.value != "none" else { continue }
            let from = profile.facts.userinfoSigned?.library.map { " (its library \($0) reads JSON only)" } ?? ""
            findings.append(finding(context.guide, at: alg.node,
                                    "client \(client.displayName) makes Authelia sign the UserInfo response (\(alg.value)), but \(profile.name) reads UserInfo as JSON only\(from): it cannot read the user after login",
                                    help: "remove userinfo_signed_response_alg (or set it to 'none')",
                                    subject: "userinfo signed \(alg.value)"))
        }
        return findings
    }
}
