/// The lecture's networks, as the commands that build them (`net example NAME`).
public enum ExampleNetworks {
    /// The script of example `name`, or nil.
    public static func script(_ name: String) -> String? {
        switch name {
        case "one-layer":
            // Section 1: 6×6×3 * 10 filters 3×3×3 → 4×4×10, + b, ReLU; 280 parameters.
            return "input 6x6x3\nconv 10 f=3 s=1 p=0\nrelu"
        case "simple":
            // Section 2: 39×39×3 → 37×37×10 → 17×17×20 → 7×7×40 → 1960 → softmax.
            return "input 39x39x3\nconv 10 f=3 s=1 p=0\nconv 20 f=5 s=2 p=0\nconv 40 f=5 s=2 p=0\nflatten\nsoftmax 10"
        case "lenet5":
            // Section 4's table (8 filters in CONV1, as the table shows it): 62,958 parameters.
            return "input 32x32x3\nconv 8 f=5 s=1 p=0\npool max f=2 s=2\nconv 16 f=5 s=1 p=0\npool max f=2 s=2\nflatten\nfc 120\nfc 84\nsoftmax 10"
        case "convnetjs-mnist":
            // ConvNetJS's MNIST demo.
            return "input 24x24x1\nconv 8 f=5 s=1 p=2\nrelu\npool max f=2 s=2\nconv 16 f=5 s=1 p=2\nrelu\npool max f=3 s=3\nsoftmax 10"
        case "convnetjs-cifar10":
            // ConvNetJS's CIFAR-10 demo (section 7).
            return "input 32x32x3\nconv 16 f=5 s=1 p=2\nrelu\npool max f=2 s=2\nconv 20 f=5 s=1 p=2\nrelu\npool max f=2 s=2\nconv 20 f=5 s=1 p=2\nrelu\npool max f=2 s=2\nsoftmax 10"
        default:
            return nil
        }
    }
}
