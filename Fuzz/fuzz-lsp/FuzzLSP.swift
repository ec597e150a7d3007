import Foundation
import GuideLSP
import LSPProtocol

// libFuzzer entry point: the input is the byte stream an editor sends `guidekit lsp`. A server
// is initialized on a fixed workspace, a guide is opened, then the input is fed to it in two
// chunks (split at the first byte's value) so framing across reads is exercised. Whatever the
// bytes, the server must answer with JSON-RPC errors or ignore them, never crash or trap.
// Background work (digest verification) runs inline, with the budget the server's session has.

private let guide = """
    ### Assumptions
    - Application Root URL: `https://app.example.com/`
    - Client ID: `app`
    - Client Secret: `insecure_secret`

    ```yaml {guide="authelia-client"}
    - client_id: 'other' # é🎉
      client_secret: '$plaintext$insecure_secret'
      redirect_uris: ['https://app.example.com/cb']
    ```
    """

private func frame(_ object: [String: Any]) -> Data {
    MessageWriter.frame((try? JSONSerialization.data(withJSONObject: object)) ?? Data())
}

/// The messages that open a session, built per input: a global `Data` built once is reported
/// by LeakSanitizer (its storage is reached only through Swift's lazy global machinery).
private func opening() -> Data {
    frame(["jsonrpc": "2.0", "id": 1, "method": "initialize",
                             "params": ["rootUri": "file:///nonexistent-guidekit-fuzz", "capabilities": [String: Any]()]])
    + frame(["jsonrpc": "2.0", "method": "initialized", "params": [String: Any]()])
    + frame(["jsonrpc": "2.0", "method": "textDocument/didOpen", "params": ["textDocument": [
        "uri": "file:///nonexistent-guidekit-fuzz/g.md", "languageId": "markdown", "version": 1, "text": guide]]])
}

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzLSP(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = Data(bytes: data, count: size)
    final class Queue: @unchecked Sendable { var work: [@Sendable () -> Void] = [] }
    let queue = Queue()
    let server = GuideLanguageServer(folder: "/nonexistent-guidekit-fuzz", environment: .init(
        send: { _ in }, background: { work in queue.work.append(work) }, later: { work in queue.work.append(work) }, log: { _ in }))
    let drain = { while !queue.work.isEmpty { queue.work.removeFirst()() } }
    server.receive(opening())
    drain()
    let split = bytes.isEmpty ? 0 : Int(bytes[bytes.startIndex]) % (bytes.count + 1)
    server.receive(bytes.prefix(split))
    drain()
    server.receive(bytes.dropFirst(split))
    drain()
    return 0
}
