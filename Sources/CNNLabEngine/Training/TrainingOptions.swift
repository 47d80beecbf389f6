/// How `train` trains: `train dataset=digits epochs=10 batch=20 optimizer=adam lr=0.001 ...`
/// or `cnnlab train --dataset digits --epochs 10 ...`.
public struct TrainingOptions: Sendable, Equatable {
    /// `digits`, `mnist5k`, `shapes`, `mnist:DIR`, `cifar10:DIR`.
    public var dataset: String
    public var epochs: Int
    public var batchSize: Int
    public var optimizer: OptimizerChoice
    /// The step size (nil: the optimizer's usual one; Adadelta has none).
    public var learningRate: Float?
    /// SGD's momentum (0 for plain SGD).
    public var momentum: Float
    /// L2 weight decay.
    public var weightDecay: Float
    /// Weights, shuffling and augmentation all come from it: one thread and one seed give the
    /// same loss curve twice.
    public var seed: UInt64
    /// Random crops, shifts and flips as the ConvNetJS demos make them for this kind of data
    /// (``DatasetLibrary/augmentation(for:)``); nil: on where the demo has it (MNIST's random
    /// 24×24 crops, CIFAR-10's shifts and flips), off otherwise.
    public var augment: Bool?
    /// The share of the data held out for testing.
    public var testFraction: Double

    /// The most epochs one `train` runs.
    public static let maxEpochs = 1000

    public init(
        dataset: String = "digits", epochs: Int = 10, batchSize: Int = 20, optimizer: OptimizerChoice = .adam,
        learningRate: Float? = nil, momentum: Float = 0.9, weightDecay: Float = 0, seed: UInt64 = 1, augment: Bool? = nil,
        testFraction: Double = 0.2
    ) {
        self.dataset = dataset
        self.epochs = epochs
        self.batchSize = batchSize
        self.optimizer = optimizer
        self.learningRate = learningRate
        self.momentum = momentum
        self.weightDecay = weightDecay
        self.seed = seed
        self.augment = augment
        self.testFraction = testFraction
    }
}

/// The optimizers `train` offers (ConvNetJS's trainers: SGD with momentum, Adam, Adadelta).
public enum OptimizerChoice: String, Sendable, Equatable, CaseIterable {
    case sgd, adam, adadelta

    /// The learning rate used when none is given.
    public var defaultLearningRate: Float {
        switch self {
        case .sgd: return 0.01
        case .adam: return 0.001
        case .adadelta: return 1
        }
    }
}
