import SecretDigests

/// Everything a rule may look at for one guide: the guide, the Authelia version it is checked
/// against, its clients decoded with the schema, and the digest verifications of the run.
public struct CheckContext: Sendable {
    public var guide: Guide
    public var version: AutheliaVersion
    public var clients: [DecodedClient]
    public var provider: ProviderDefinitions
    /// Per client (same order as `clients`): the parsed `client_secret`, when one is written.
    public var digests: [Result<Digest, DigestError>?]
    /// Per client: the plaintext secrets the guide states for it.
    public var statements: [[SecretStatement]]
    /// Results of every verification of the run, shared by all guides.
    public var verifications: [VerificationRequest: DigestVerification] = [:]

    /// Builds the context; `version` overrides the guide's own `authelia_version` front matter.
    public init(guide: Guide, version: AutheliaVersion? = nil) {
        self.guide = guide
        let declared = guide.frontMatter?["authelia_version"]?.string.flatMap(AutheliaVersion.init)
        self.version = version ?? declared ?? .newestKnown
        let decoder = ClientDecoder(version: self.version)
        clients = guide.clients.map { decoder.decode($0.node, blockIndex: $0.blockIndex) }
        provider = ProviderDefinitions(guide: guide)
        digests = clients.map { decoded in
            decoded.client.writtenSecret.map { field in Result { () throws(DigestError) in try DigestParser.parse(field.value) } }
        }
        let count = clients.count
        statements = clients.map { SecretStatement.statements(for: $0.client, in: guide, clientCount: count) }
    }

    /// The verifications this guide needs: hashed digests that parse, against each stated secret.
    public var verificationRequests: [VerificationRequest] {
        var requests: [VerificationRequest] = []
        for (index, decoded) in clients.enumerated() {
            guard case .success(let digest)? = digests[index], !digest.isPlaintext,
                  let text = decoded.client.writtenSecret?.value else { continue }
            requests += statements[index].map { VerificationRequest(digest: text, secret: $0.secret) }
        }
        return requests
    }
}
