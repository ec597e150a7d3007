import GuideDocument
import GuideKnowledge
import SecretDigests

/// `app-secret-digest`: the application is given the plaintext client secret, never the
/// digest Authelia stores.
struct AppSecretDigestRule: GuideRule {
    static let description = RuleDescription(
        id: "app-secret-digest",
        kind: .crossCheck,
        severity: .error,
        summary: "The application's client secret setting holds an Authelia digest ($pbkdf2-…, $argon2…): the application must send the plaintext secret.",
        explanation: """
            Authelia stores a digest of the client secret (`client_secret: '$pbkdf2-sha512$…'`) \
            and checks the secret the application sends against it. The application must \
            therefore be given the plaintext secret the digest was made from; given the digest \
            itself, it sends the digest as its secret, which matches nothing, and every token \
            request fails with `invalid_client`. GuideKit reports an application setting that \
            means the client secret and whose value parses as one of the digest formats \
            Authelia accepts.
            """,
        reads: [.settings],
        basis: [
            RuleBasis(.autheliaRequest, "authelia/oauth2-provider v0.2.31 (Authelia v4.39.20) client_authentication.go doAuthenticateClientSecret: the presented secret is compared with the registered one through the client's secret digest (internal/oidc/client.go RegisteredClient.GetClientSecret)"),
        ],
        triggeringExamples: [
            FixExample.guideWithApplicationStep("- Client Secret: `↓$pbkdf2-sha512$310000$c8p78n7pUMln0jzvd4aK4Q$JNRBzwAo0ek5qKn50cFzzvE9RXV88h1wJn5KGiHrD0YKtZaR/nCb2CJPOsKaPK0hjf.9yHxzQGZziziccp6Yng`"),
        ],
        nonTriggeringExamples: [
            FixExample.guideWithApplicationStep("- Client ID: `app`\n- Client Secret: `insecure_secret`"),
        ])

    func check(_ context: CheckContext) -> [Finding] {
        context.guide.settings.compactMap { setting in
            guard context.meanings.meaning(of: setting) == .clientSecret else { return nil }
            let value = ConfigLineReader.unquoted(setting.value.value)
            guard value.hasPrefix("$"), (try? DigestParser.parse(value)) != nil else { return nil }
            return finding(context.guide, at: setting.value,
                           "\(setting.key.value) holds an Authelia secret digest; the application must be given the plaintext secret (the digest belongs in Authelia's client_secret only), or every token request fails with invalid_client",
                           help: "write the plaintext secret the digest was generated from",
                           subject: "digest in \(setting.key.value)")
        }
    }
}
