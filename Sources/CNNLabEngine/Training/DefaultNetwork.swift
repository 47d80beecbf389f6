/// The small CNN `train` builds when the session has no network: sized for the dataset's
/// images (8×8 digits, 16×16 shapes, 28×28 MNIST, 32×32 CIFAR) and its classes.
enum DefaultNetwork {
    /// The network as commands of the language.
    static func script(height h: Int, width w: Int, channels c: Int, classes k: Int) -> String {
        let input = "input \(h)x\(w)x\(c)"
        let layers: [String]
        switch min(h, w) {
        case ..<12:
            layers = ["conv 16 f=3 p=same", "relu", "pool max f=2", "flatten", "fc 64", "relu", "softmax \(k)"]
        case ..<20:
            layers = ["conv 8 f=5 p=same", "relu", "pool max f=2", "conv 16 f=3 p=same", "relu", "pool max f=2", "softmax \(k)"]
        default:
            // ConvNetJS's MNIST demo network.
            layers = ["conv 8 f=5 p=2", "relu", "pool max f=2", "conv 16 f=5 p=2", "relu", "pool max f=3 s=3", "softmax \(k)"]
        }
        return ([input] + layers).joined(separator: "\n")
    }
}
