import SecretDigests
import GuideDocument
import GuideKnowledge

/// `client-secret-digest`: `client_secret` values decode as Authelia decodes them (rule SD-1).
struct ClientSecretDigestRule: GuideRule {
    static let description = RuleDescription(
        id: "client-secret-digest",
        kind: .client,
        severity: .error,
        summary: "A client_secret digest is malformed or of a kind Authelia does not accept.",
        explanation: """
            Authelia decodes `client_secret` when loading its configuration and stops on a \
            digest it cannot read: an unknown `$type$`, the wrong number of `$` fields, bad \
            base64 (PBKDF2 uses `.` where standard base64 has `+`, and no `=` padding), \
            parameters out of range, or a truncated key. The finding points at the character \
            where decoding failed. Accepted: pbkdf2 (sha1 to sha512), argon2id/i/d, scrypt, \
            sha256crypt/sha512crypt, bcrypt, bcrypt-sha256 and (deprecated) plaintext. A value \
            with `...` is taken as a placeholder and only warned about.
            """,
        reads: [.clients],
        basis: [RuleBasis(.autheliaValidator, "the client_secret decode hook, internal/configuration/decode_hooks.go (authelia/authelia): a value starting with $ that does not decode as a digest stops loading (rule SD-1)")],
        triggeringExamples: [
            """
            ```yaml {guide="authelia-client"}
            - client_id: 'app'
              client_secret: '$pbkdf2-sha512$310000$c8p78n7p↓+Mln0jzvd4aK4Q$JNRBzwAo0ek5qKn50cFzzvE9RXV88h1wJn5KGiHrD0YKtZaR/nCb2CJPOsKaPK0hjf.9yHxzQGZziziccp6Yng'
            ```
            """,
            """
            ```yaml {guide="authelia-client"}
            - client_id: 'app'
              client_secret: '$↓md5$abc'
            ```
            """,
            """
            ```yaml {guide="authelia-client"}
            - client_id: 'app'
              client_secret: '↓$argon2id$v=19$m=65536,t=3,p=4$AAECAwQFBgcICQoLDA0ODw'
            ```
            """,
            """
            ```yaml {guide="authelia-client"}
            - client_id: 'app'
              client_secret: ↓'$pbkdf2-sha512$310000$...'  # generate your own
            ```
            """,
        ],
        nonTriggeringExamples: [
            """
            ```yaml {guide="authelia-client"}
            - client_id: 'app'
              client_secret: '$argon2id$v=19$m=65536,t=3,p=4$AAECAwQFBgcICQoLDA0ODw$B0mpg0LMF1bHh6JST3S+wssSppUigJ/4vRVxS5nKbTE'
            - client_id: 'other'
              client_secret: '$6$rounds=50000$abcdefghijklmnop$L9iAh6cRPe9IFr.T6pk/jt8jwo.VpmPE56PeFbY2AwmtFBgfY9d/hDR3AtWGfaeysg5gyLwhpCoYFDy2r0NK9.'
            ```
            """,
        ])

    func check(_ context: CheckContext) -> [Finding] {
        context.clients.indices.compactMap { index in
            guard case .failure(let error)? = context.digests[index],
                  let node = context.clients[index].client.writtenSecret?.node else { return nil }
            if node.string?.containsLiteral("...") == true || node.string?.containsLiteral("…") == true {
                return finding(context.guide, at: node,
                               "client_secret is a placeholder ('...'), not a digest: pasted as is, Authelia refuses it",
                               help: "show a real example digest (and its secret), or let guidekit render generate one",
                               severity: .warning)
            }
            let location = SourceLocation(line: node.location.line, column: node.content.location.column + error.offset)
            return finding(context.guide, at: location, "client_secret is not a valid digest: \(error.message)",
                           help: "generate a digest with 'authelia crypto hash generate pbkdf2 --variant sha512' (or let guidekit render do it)")
        }
    }
}
