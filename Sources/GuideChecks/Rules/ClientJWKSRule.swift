import Foundation
import GuideDocument
import GuideKnowledge

/// `client-jwks`: client keys are given one way, over https, and complete; private_key_jwt has
/// what it needs (rules JW-1, JW-11, JW-2, JW-4, JW-5, JW-6, EA-5, EA-6, EA-7).
struct ClientJWKSRule: GuideRule {
    static let description = RuleDescription(
        id: "client-jwks",
        kind: .client,
        severity: .error,
        summary: "Client public keys are inconsistent, or private_key_jwt lacks keys or an algorithm.",
        explanation: """
            A client's public keys come from `jwks_uri` (https only) or from inline `jwks`, \
            never both. Each inline key needs `key_id` and `key`; `use` is `sig` or `enc`; \
            `algorithm` is one of RS/PS/ES 256/384/512. A client using `private_key_jwt` needs \
            keys and an `*_auth_signing_alg` from RS/PS/ES 256/384/512.
            """,
        reads: [.clients],
        basis: [
            .validator("validateOIDCClientPublicKeys", rules: "JW-1, JW-11"),
            .validator("validateOIDCClientJSONWebKeysList", rules: "JW-2 to JW-10"),
            .validator("validateOIDCClientTokenEndpointAuthPublicKeyJWT", rules: "EA-5 to EA-8"),
            RuleBasis(.autheliaValidator, "`StringToURLHookFunc` in internal/configuration/decode_hooks.go (authelia/authelia): an empty URL string decodes to no URL"),
        ],
        triggeringExamples: [
            """
            ```yaml {guide="authelia-client"}
            - client_id: 'app'
              jwks_uri: ↓'http://app.example.com/jwks.json'
            ```
            """,
            """
            ```yaml {guide="authelia-client"}
            - client_id: 'app'
              token_endpoint_auth_method: ↓'private_key_jwt'
              token_endpoint_auth_signing_alg: 'RS256'
            ```
            """,
            """
            ```yaml {guide="authelia-client"}
            - client_id: 'app'
              jwks:
                - ↓use: 'sig'
                  key: 'PEM'
            ```
            """,
        ],
        nonTriggeringExamples: [
            """
            ```yaml {guide="authelia-client"}
            - client_id: 'app'
              jwks_uri: ''
            ```
            """,
            """
            ```yaml {guide="authelia-client"}
            - client_id: 'app'
              token_endpoint_auth_method: 'private_key_jwt'
              token_endpoint_auth_signing_alg: 'ES256'
              jwks:
                - key_id: 'app-2025'
                  use: 'sig'
                  algorithm: 'ES256'
                  key: 'PEM'
            ```
            """,
        ])

    func check(_ context: CheckContext) -> [Finding] {
        var findings: [Finding] = []
        for decoded in context.clients {
            let client = decoded.client
            // An empty jwks_uri is no URL at all: Authelia's decode hook turns '' into a nil
            // *url.URL (`StringToURLHookFunc` in internal/configuration/decode_hooks.go), so
            // `jwks_uri: ''` is the key left unset, as reference examples write it.
            let jwksURI = client.jwksURI.flatMap { $0.value.isEmpty ? nil : $0 }
            if let uri = jwksURI {
                if client.jwks != nil {
                    findings.append(finding(context.guide, at: uri.node, "give jwks_uri or jwks, not both"))
                } else if URLComponents(string: uri.value)?.scheme?.lowercased() != "https" {
                    findings.append(finding(context.guide, at: uri.node, "jwks_uri must be an https URL", help: "use https://"))
                }
            }
            for jwk in client.jwks ?? [] {
                let first = jwk.node.pairs?.first?.key ?? jwk.node
                if jwk.keyID == nil { findings.append(finding(context.guide, at: first, "this jwks entry has no key_id")) }
                if jwk.key == nil { findings.append(finding(context.guide, at: first, "this jwks entry has no key")) }
                if let use = jwk.use, !["sig", "enc"].contains(use.value) {
                    findings.append(finding(context.guide, at: use.node, "jwks use must be 'sig' or 'enc', not '\(use.value)'"))
                }
                if let alg = jwk.algorithm, !ClientSchema.asymmetricAlgs.contains(alg.value) {
                    findings.append(finding(context.guide, at: alg.node, "jwks algorithm '\(alg.value)' is not one of RS/PS/ES 256/384/512"))
                }
            }
            for endpoint in ClientEndpoint.allCases {
                guard let method = client.endpointAuthentication[endpoint]?.method, method.value == "private_key_jwt" else { continue }
                let alg = client.endpointAuthentication[endpoint]?.signingAlg
                if alg == nil || alg?.value == "" {
                    findings.append(finding(context.guide, at: method.node,
                                            "private_key_jwt needs \(endpoint.rawValue)_auth_signing_alg", help: "add \(endpoint.rawValue)_auth_signing_alg: 'RS256'"))
                } else if let alg, !ClientSchema.asymmetricAlgs.contains(alg.value) {
                    findings.append(finding(context.guide, at: alg.node, "private_key_jwt needs an asymmetric algorithm, not '\(alg.value)'"))
                }
                if client.jwks == nil, jwksURI == nil {
                    findings.append(finding(context.guide, at: method.node, "private_key_jwt needs the client's public keys (jwks_uri or jwks)"))
                }
            }
        }
        return findings
    }
}
