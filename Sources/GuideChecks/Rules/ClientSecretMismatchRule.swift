import SecretDigests
import GuideDocument
import GuideKnowledge

/// `client-secret-mismatch`: the digest really is the digest of the secret the guide states.
struct ClientSecretMismatchRule: GuideRule {
    static let description = RuleDescription(
        id: "client-secret-mismatch",
        kind: .client,
        severity: .error,
        summary: "The client_secret digest does not match the secret the guide states.",
        explanation: """
            Guides state the plaintext secret (the Client Secret assumption, which the reader \
            gives the application, or a comment such as `# The digest of 'insecure_secret'.`) \
            and put its digest in Authelia's YAML. If the digest was made from another secret, \
            every reader's login fails with 'invalid_client'. GuideKit recomputes the digest \
            (PBKDF2, Argon2, scrypt, SHA-crypt, bcrypt) and compares. Each distinct pair of \
            digest and secret is computed once per run, in parallel. When the guide states no \
            Client Secret assumption, the secret given to the application is checked instead.
            """,
        reads: [.clients],
        basis: [
            RuleBasis(.guideConsistency, "the secret the guide states against the digest it registers"),
            RuleBasis(.autheliaRequest, "Authelia compares the presented secret with the digest; a mismatch fails the token request with invalid_client"),
        ],
        triggeringExamples: [
            """
            ```yaml {guide="authelia-client"}
            - client_id: 'app'
              client_secret: ↓'$pbkdf2-sha512$310000$c8p78n7pUMln0jzvd4aK4Q$JNRBzwAo0ek5qKn50cFzzvE9RXV88h1wJn5KGiHrD0YKtZaR/nCb2CJPOsKaPK0hjf.9yHxzQGZziziccp6Yng'
            ```

            ### Application
            - Client Secret: `a_different_secret`
            """,
            """
            ### Assumptions
            - Client ID: `app`
            - Client Secret: `not_the_secret`

            ```yaml {guide="authelia-client"}
            - client_id: 'app'
              client_secret: ↓'$pbkdf2-sha512$310000$c8p78n7pUMln0jzvd4aK4Q$JNRBzwAo0ek5qKn50cFzzvE9RXV88h1wJn5KGiHrD0YKtZaR/nCb2CJPOsKaPK0hjf.9yHxzQGZziziccp6Yng'
            ```
            """,
            """
            ```yaml {guide="authelia-client"}
            - client_id: 'app'
              client_secret: ↓'$pbkdf2-sha512$310000$hDm3SNqIGebGH33JVGnCZA$5XA6C8mg.j2MejL1uJfHwFPEqXbW2K.xufEuIIpwN.0Jn0dKs/LLvRKbPTo7MTOjTpwoAVyZj6BsUTHeBjd3sQ'  # The digest of 'insecure_secret'.
            ```
            """,
        ],
        nonTriggeringExamples: [
            """
            ```yaml {guide="authelia-client"}
            - client_id: 'app'
              client_secret: '$pbkdf2-sha512$310000$c8p78n7pUMln0jzvd4aK4Q$JNRBzwAo0ek5qKn50cFzzvE9RXV88h1wJn5KGiHrD0YKtZaR/nCb2CJPOsKaPK0hjf.9yHxzQGZziziccp6Yng'
            ```

            ### Application
            - Client Secret: `insecure_secret`
            """,
            """
            ### Assumptions
            - Client ID: `app`
            - Client Secret: `insecure_secret`

            ```yaml {guide="authelia-client"}
            - client_id: 'app'
              client_secret: '$pbkdf2-sha512$310000$c8p78n7pUMln0jzvd4aK4Q$JNRBzwAo0ek5qKn50cFzzvE9RXV88h1wJn5KGiHrD0YKtZaR/nCb2CJPOsKaPK0hjf.9yHxzQGZziziccp6Yng'  # The digest of 'insecure_secret'.
            ```
            """,
        ])

    func check(_ context: CheckContext) -> [Finding] {
        var findings: [Finding] = []
        for (index, decoded) in context.clients.enumerated() {
            guard let secret = decoded.client.writtenSecret else { continue }
            let plaintext: String? = if case .success(.plaintext(let text))? = context.digests[index] { text } else { nil }
            for statement in context.statements[index] {
                let where_: String = switch statement.source {
                case .assumption(let line): "the Client Secret assumption (line \(line))"
                case .comment(let line): "the comment on line \(line)"
                case .appSetting(let line): "the application's settings (line \(line))"
                }
                // Secrets are never printed: a finding may end up in a public CI log.
                if let plaintext {
                    if plaintext != statement.secret {
                        findings.append(finding(context.guide, at: secret.node,
                                                "the plaintext client_secret differs from the secret stated in \(where_)"))
                    }
                    continue
                }
                let request = VerificationRequest(digest: secret.value, secret: statement.secret)
                switch context.verifications[request] {
                case .mismatch?:
                    findings.append(finding(context.guide, at: secret.node,
                                            "this digest was not made from the secret stated in \(where_)",
                                            help: "regenerate the digest from the stated secret, or state the secret it was made from"))
                case .notVerifiable(let reason)?:
                    findings.append(finding(context.guide, at: secret.node,
                                            "the digest could not be verified against \(where_): \(reason)", severity: .warning))
                case .match?, nil:
                    break
                }
            }
        }
        return findings
    }
}
