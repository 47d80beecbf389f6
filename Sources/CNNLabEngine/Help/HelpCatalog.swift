/// The help text of every command, in English and Portuguese, with examples that run as
/// written (the test suite runs every example).
public enum HelpCatalog {
    /// `help` (all entries) or `help WORD` (the entry for a command, or for a function).
    public static func page(for topic: String?) -> HelpPage? {
        guard let topic else { return HelpPage(topic: nil, entries: entries) }
        let key = aliases[topic] ?? topic
        let found = entries.filter { $0.command == key }
        return found.isEmpty ? nil : HelpPage(topic: topic, entries: found)
    }

    /// Words that share an entry with another.
    static let aliases = [
        "exit": "quit", "back": "next", "skip": "hint", "shape": "vars", "stats": "vars", "save": "load", "sigmoid": "relu", "tanh": "relu", "avgpool": "maxpool", "maxpool_backward": "conv_backward",
        "avgpool_backward": "conv_backward", "ones": "zeros", "rand": "randn", "range": "zeros",
        "exp": "log", "mean": "sum",
    ]

    public static let entries: [HelpEntry] = [
        HelpEntry(
            command: "input", synopsis: "input HxWxC | input H W C | input HxW | input N",
            summary: LocalizedText(
                "Starts a new network whose input a[0] is n_H×n_W×n_c (HxW means n_c = 1; N alone is a vector).",
                "Começa uma nova rede cuja entrada a[0] é n_H×n_W×n_c (HxW significa n_c = 1; só N é um vetor)."),
            examples: ["input 39x39x3", "input 28x28"]),
        HelpEntry(
            command: "conv", synopsis: "conv N f=F [s=S] [p=P|same]",
            summary: LocalizedText(
                "Adds a convolutional layer of N filters F×F×n_c[l−1]; stride s (default 1), zero padding p (default 0; same = (f−1)/2).",
                "Adiciona uma camada convolucional de N filtros F×F×n_c[l−1]; stride s (padrão 1), padding p (padrão 0; same = (f−1)/2)."),
            examples: ["input 39x39x3; conv 10 f=3 s=1 p=0", "input 28x28; conv 8 f=5 p=same"]),
        HelpEntry(
            command: "pool", synopsis: "pool max|avg f=F [s=S]",
            summary: LocalizedText(
                "Adds a max or average pooling layer (no parameters); s defaults to f.",
                "Adiciona uma camada de max ou average pooling (sem parâmetros); s é f por padrão."),
            examples: ["input 28x28x8; pool max f=2 s=2", "input 4x4x10; pool avg f=2"]),
        HelpEntry(
            command: "relu", synopsis: "relu | sigmoid | tanh",
            summary: LocalizedText("Adds an element-wise activation (shape unchanged).", "Adiciona uma ativação elemento a elemento (formato inalterado)."),
            examples: ["input 6x6x3; conv 10 f=3; relu"]),
        HelpEntry(
            command: "flatten", synopsis: "flatten",
            summary: LocalizedText("Turns n_H×n_W×n_c into a vector of n_H·n_W·n_c units.", "Transforma n_H×n_W×n_c num vetor de n_H·n_W·n_c unidades."),
            examples: ["input 7x7x40; flatten"]),
        HelpEntry(
            command: "fc", synopsis: "fc N",
            summary: LocalizedText("Adds a fully connected layer of N units: (n[l−1] + 1)·N parameters.", "Adiciona uma camada totalmente conectada de N unidades: (n[l−1] + 1)·N parâmetros."),
            examples: ["input 400; fc 120"]),
        HelpEntry(
            command: "softmax", synopsis: "softmax [N]",
            summary: LocalizedText("A fully connected layer to N classes followed by softmax (without N: softmax alone).", "Uma camada totalmente conectada para N classes seguida de softmax (sem N: só o softmax)."),
            examples: ["input 84; softmax 10"]),
        HelpEntry(
            command: "summary", synopsis: "summary",
            summary: LocalizedText("The table of layers: output shapes, activations, parameters, mult-adds and totals.", "A tabela das camadas: formatos de saída, ativações, parâmetros, mult-adds e totais."),
            examples: ["input 32x32x3; conv 8 f=5; pool max f=2; summary"]),
        HelpEntry(
            command: "explain", synopsis: "explain N | explain all",
            summary: LocalizedText("The derivation of every number of layer N, with the layer's numbers substituted.", "A dedução de cada número da camada N, com os números da camada substituídos."),
            examples: ["input 39x39x3; conv 10 f=3; conv 20 f=5 s=2; explain 2"]),
        HelpEntry(
            command: "layers", synopsis: "layers",
            summary: LocalizedText("The network as the commands that build it.", "A rede como os comandos que a constroem."),
            examples: ["input 6x6x3; conv 10 f=3; layers"]),
        HelpEntry(
            command: "undo", synopsis: "undo",
            summary: LocalizedText("Removes the last layer.", "Remove a última camada."),
            examples: ["input 6x6x3; conv 10 f=3; undo"]),
        HelpEntry(
            command: "clear", synopsis: "clear | clear vars | clear all",
            summary: LocalizedText("Empties the network, the variables, or both.", "Esvazia a rede, as variáveis, ou ambas."),
            examples: ["clear all"]),
        HelpEntry(
            command: "net", synopsis: "net example NAME | net save \"FILE\" | net load \"FILE\" | net export pytorch|keras",
            summary: LocalizedText(
                "The lecture's networks (one-layer, simple, lenet5, convnetjs-mnist, convnetjs-cifar10); saving and loading a network as commands, or with its weights as a NumPy .npz (W1, b1, … numbered as in summary, and cnnlab_network; a .npz of W/b alone loads into the current network); exporting it as PyTorch or Keras code, with save_cnnlab_weights(model, path), which writes a trained model's weights as such a .npz, and load_cnnlab_weights(model, path).",
                "As redes da aula (one-layer, simple, lenet5, convnetjs-mnist, convnetjs-cifar10); gravar e carregar uma rede como comandos, ou com seus pesos num .npz do NumPy (W1, b1, … numerados como em summary, e cnnlab_network; um .npz só de W/b é carregado na rede atual); exportá-la como código PyTorch ou Keras, com save_cnnlab_weights(model, path), que grava os pesos de um modelo treinado num .npz assim, e load_cnnlab_weights(model, path)."),
            examples: ["net example lenet5", "net example simple; net export pytorch"]),
        HelpEntry(
            command: "forward", synopsis: "forward X",
            summary: LocalizedText(
                "Runs the network on X (seeded random weights) and keeps every layer's output as a[1], a[2], … and z[l].",
                "Executa a rede em X (pesos aleatórios com semente) e guarda a saída de cada camada como a[1], a[2], … e z[l]."),
            examples: ["net example one-layer; seed 1; forward randn(6,6,3); show a[1][:,:,0]"]),
        HelpEntry(
            command: "predict", synopsis: "predict X",
            summary: LocalizedText(
                "The class a network ending in softmax gives X (one example shaped like the input, or a batch m×input), with its probabilities; the trained or loaded weights, else seeded random ones.",
                "A classe que uma rede terminada em softmax dá a X (um exemplo com o formato da entrada, ou um lote m×entrada), com suas probabilidades; os pesos treinados ou carregados, senão aleatórios com semente."),
            examples: ["input 4x4; flatten; softmax 3; seed 1; predict randn(4,4)", "input 4x4; flatten; softmax 3; predict randn(5,4,4,1)"]),
        HelpEntry(
            command: "let", synopsis: "let NAME = EXPR | let A, B, C = EXPR",
            summary: LocalizedText(
                "Names a tensor. Literals nest lists ([[1,2],[3,4]]); A * K is cross-correlation; + - · / are element-wise with numpy broadcasting.",
                "Dá nome a um tensor. Literais aninham listas ([[1,2],[3,4]]); A * K é correlação cruzada; + - · / são elemento a elemento com broadcasting do numpy."),
            examples: ["let K = [[1,0,-1],[1,0,-1],[1,0,-1]]", "let A = ones(6,6); let B = A * [[1,0,-1],[1,0,-1],[1,0,-1]]"]),
        HelpEntry(
            command: "conv_backward", synopsis: "conv_backward(dZ, A, W, s=1, p=0) | maxpool_backward(dP, A, f=2, s=2)",
            summary: LocalizedText(
                "Gradients as in the course assignment: dA, dW, db for conv; dA for pooling.",
                "Gradientes como no exercício do curso: dA, dW, db para conv; dA para pooling."),
            examples: ["seed 1; let A = randn(2,5,7,4); let W = randn(3,3,4,8); let dZ = randn(2,5,7,8); let dA, dW, db = conv_backward(dZ, A, W, s=1, p=1)"]),
        HelpEntry(
            command: "maxpool", synopsis: "maxpool(A, f=2, s=2) | avgpool(A, f=2, s=2)",
            summary: LocalizedText("Pooling of a 2-D map or of each channel.", "Pooling de um mapa 2-D ou de cada canal."),
            examples: ["show maxpool([[1,3,2,1],[2,9,1,1],[1,3,2,3],[5,6,1,2]], f=2, s=2)"]),
        HelpEntry(
            command: "zero_pad", synopsis: "zero_pad(X, pad)",
            summary: LocalizedText(
                "The assignment's zero_pad: zeros around n_H and n_W of X (m×n_H×n_W×n_C, or one example n_H×n_W×n_C or n_H×n_W), like np.pad(X, ((0,0),(pad,pad),(pad,pad),(0,0))).",
                "O zero_pad do exercício: zeros em volta de n_H e n_W de X (m×n_H×n_W×n_C, ou um exemplo n_H×n_W×n_C ou n_H×n_W), como np.pad(X, ((0,0),(pad,pad),(pad,pad),(0,0)))."),
            examples: ["seed 1; let x = randn(4, 3, 3, 2); let x_pad = zero_pad(x, 3); shape x_pad; show x_pad[1, 1]"]),
        HelpEntry(
            command: "conv_single_step", synopsis: "conv_single_step(a_slice_prev, W, b)",
            summary: LocalizedText(
                "One step of a convolution, as in the assignment: sum(a_slice_prev · W) + b for a window and a filter of the same shape f×f×n_C_prev, b one number; gives a number.",
                "Um passo de uma convolução, como no exercício: sum(a_slice_prev · W) + b para uma janela e um filtro do mesmo formato f×f×n_C_prev, b um número; dá um número."),
            examples: ["seed 1; let a_slice_prev = randn(4, 4, 3); let W = randn(4, 4, 3); let b = randn(1, 1, 1); show conv_single_step(a_slice_prev, W, b)"]),
        HelpEntry(
            command: "create_mask_from_window", synopsis: "create_mask_from_window(x)",
            summary: LocalizedText(
                "The assignment's mask for max-pooling backward: 1 where x equals its maximum, 0 elsewhere (x == np.max(x); ties give several ones).",
                "A máscara do exercício para o backward do max pooling: 1 onde x é igual ao seu máximo, 0 no resto (x == np.max(x); empates dão vários uns)."),
            examples: ["seed 1; let x = randn(2, 3); show create_mask_from_window(x)"]),
        HelpEntry(
            command: "distribute_value", synopsis: "distribute_value(dz, [n_H, n_W]) | distribute_value(dz, n_H, n_W)",
            summary: LocalizedText(
                "The assignment's gradient for average-pooling backward: an n_H×n_W matrix filled with dz/(n_H·n_W) (the notebook's tuple (n_H, n_W) is written [n_H, n_W]).",
                "O gradiente do exercício para o backward do average pooling: uma matriz n_H×n_W cheia de dz/(n_H·n_W) (a tupla (n_H, n_W) do notebook se escreve [n_H, n_W])."),
            examples: ["show distribute_value(2, [2, 2])", "show distribute_value(1, 2, 3)"]),
        HelpEntry(
            command: "log", synopsis: "log(X) | exp(X)",
            summary: LocalizedText(
                "Natural logarithm and exponential, element by element (like np.log, np.exp: log(0) is −inf).",
                "Logaritmo natural e exponencial, elemento a elemento (como np.log, np.exp: log(0) é −inf)."),
            examples: ["show log(exp([[0, 1], [2, 3]]))"]),
        HelpEntry(
            command: "sum", synopsis: "sum(X) | mean(X)",
            summary: LocalizedText(
                "The sum or the mean of every element of X, a number (accumulated in double precision, like np.sum and np.mean).",
                "A soma ou a média de todos os elementos de X, um número (acumulada em precisão dupla, como np.sum e np.mean)."),
            examples: ["show sum([[1, 2], [3, 4]])", "let A = ones(2, 3); show mean(A)"]),
        HelpEntry(
            command: "cross_entropy", synopsis: "cross_entropy(Yhat, Y)",
            summary: LocalizedText(
                "The cost J = −(1/m) Σ_i Σ_k Y[i,k]·log(Yhat[i,k]) of m examples: Yhat the softmax outputs and Y the one-hot labels, both m×classes.",
                "O custo J = −(1/m) Σ_i Σ_k Y[i,k]·log(Yhat[i,k]) de m exemplos: Yhat as saídas do softmax e Y os rótulos one-hot, ambos m×classes."),
            examples: ["seed 3; let Yhat = softmax(randn(4, 3)); let Y = [[1,0,0],[0,0,1],[0,1,0],[0,0,1]]; show cross_entropy(Yhat, Y); show -sum(Y · log(Yhat)) / 4"]),
        HelpEntry(
            command: "zeros", synopsis: "zeros(d1, …) | ones(d1, …) | range(n) | range(a, b[, step])",
            summary: LocalizedText("Tensors to start from.", "Tensores para começar."),
            examples: ["show range(5)", "show zeros(2, 3)"]),
        HelpEntry(
            command: "randn", synopsis: "seed S; randn(d1, …) | rand(d1, …)",
            summary: LocalizedText(
                "numpy's legacy generator, bit for bit: np.random.seed(S) then np.random.randn / np.random.rand.",
                "O gerador legado do numpy, bit a bit: np.random.seed(S) e depois np.random.randn / np.random.rand."),
            examples: ["seed 1; let A_prev = randn(2,5,7,4); stats A_prev"]),
        HelpEntry(
            command: "seed", synopsis: "seed S",
            summary: LocalizedText("Restarts randn/rand and the random weights of forward (0 ≤ S < 2³²); trained or loaded weights are kept.", "Reinicia randn/rand e os pesos aleatórios de forward (0 ≤ S < 2³²); pesos treinados ou carregados são mantidos."),
            examples: ["seed 1"]),
        HelpEntry(
            command: "filter", synopsis: "filter NAME [size=N] [as VAR]",
            summary: LocalizedText(
                "A preset kernel bound to K (or VAR): vertical horizontal sobel_x sobel_y scharr_x scharr_y laplacian box gaussian sharpen identity.",
                "Um filtro pré-definido atribuído a K (ou VAR): vertical horizontal sobel_x sobel_y scharr_x scharr_y laplacian box gaussian sharpen identity."),
            examples: ["filter vertical", "filter box size=5 as B"]),
        HelpEntry(
            command: "image", synopsis: "image \"FILE\" | image sample edges|checker|circle|digit N  [gray] [scale=1|255] [resize WxH] [as VAR]",
            summary: LocalizedText(
                "Loads a PNG, JPEG or PGM/PPM picture (or a built-in sample) as a tensor H×W×3 or H×W (gray), bound to img (or VAR).",
                "Carrega uma imagem PNG, JPEG ou PGM/PPM (ou uma amostra embutida) como tensor H×W×3 ou H×W (cinza), atribuído a img (ou VAR)."),
            examples: ["image sample edges; filter vertical; heatmap img * K"]),
        HelpEntry(
            command: "show", synopsis: "show EXPR",
            summary: LocalizedText("The numbers of a tensor as an aligned grid.", "Os números de um tensor numa grade alinhada."),
            examples: ["show [[10,10,0],[10,10,0]]"]),
        HelpEntry(
            command: "heatmap", synopsis: "heatmap EXPR [ch=K] [style=blocks|ascii|color|numbers] [size=WxH]",
            summary: LocalizedText(
                "Draws a map as a heatmap with a legend; negative values use a scale centred on zero.",
                "Desenha um mapa como heatmap com legenda; valores negativos usam uma escala centrada em zero."),
            examples: ["heatmap [[0,30,30,0],[0,30,30,0]]"]),
        HelpEntry(
            command: "vars", synopsis: "vars | shape EXPR | stats EXPR",
            summary: LocalizedText("The named tensors; one tensor's shape; min, max, mean and std.", "Os tensores nomeados; o formato de um tensor; mínimo, máximo, média e desvio padrão."),
            examples: ["let A = ones(2,3); vars; shape A; stats A"]),
        HelpEntry(
            command: "load", synopsis: "load NAME \"FILE.npy\" | save EXPR \"FILE.npy|FILE.png\"",
            summary: LocalizedText(
                "NumPy .npy files (float, int or bool, C or Fortran order); save writes atomically; .png saves a gray feature map.",
                "Arquivos .npy do NumPy (float, int ou bool, ordem C ou Fortran); save grava de forma atômica; .png grava um mapa em cinza."),
            examples: []),
        HelpEntry(
            command: "help", synopsis: "help | help WORD",
            summary: LocalizedText("This help.", "Esta ajuda."), examples: ["help conv"]),
        HelpEntry(
            command: "step", synopsis: "step A * K | step conv(A, W, s=S, p=P) | step maxpool(A, f=F, s=S)",
            summary: LocalizedText(
                "A convolution or pooling window by window: each output cell with the window it reads and the sum it makes (interactive in the TUI).",
                "Uma convolução ou um pooling janela por janela: cada célula da saída com a janela que ela lê e a soma que ela faz (interativo na interface)."),
            examples: ["let A = ones(4, 4); let K = ones(3, 3); step A * K"]),
        HelpEntry(
            command: "lesson", synopsis: "lesson | lesson NAME | lesson N | lesson stop",
            summary: LocalizedText(
                "The lecture as guided lessons: alone, the list with your progress; with a name or number, opens that lesson at its first step; stop closes it.",
                "A aula em lições guiadas: sozinho, a lista com o seu progresso; com um nome ou número, abre a lição no primeiro passo; stop a fecha."),
            examples: ["lesson"]),
        HelpEntry(
            command: "next", synopsis: "next | back",
            summary: LocalizedText(
                "The open lesson's next or previous step (in the TUI also n and p); going back shows the step as it was.",
                "O passo seguinte ou anterior da lição aberta (na interface também n e p); voltar mostra o passo como ele era."),
            examples: []),
        HelpEntry(
            command: "answer", synopsis: "answer A | A",
            summary: LocalizedText(
                "Answers the open question: a number (280, 27,000,100), a shape (4x4x10, 4 4 10, (4, 4, 10)) or a choice number; the answer alone works too.",
                "Responde à pergunta aberta: um número (280, 27.000.100), um formato (4x4x10, 4 4 10, (4, 4, 10)) ou o número de uma opção; só a resposta também serve."),
            examples: []),
        HelpEntry(
            command: "hint", synopsis: "hint | skip",
            summary: LocalizedText(
                "A hint for the open question; skip shows its answer and explanation.",
                "Uma dica para a pergunta aberta; skip mostra a resposta e a explicação."),
            examples: []),
        HelpEntry(
            command: "quiz", synopsis: "quiz [count=N] [topic=T]... [seed=S] [from \"FILE\"] | quiz stats | quiz topics | quiz stop",
            summary: LocalizedText(
                "A quiz on parameter counts and shapes: a wrong answer shows the derivation and names the mistake it matches; the same seed gives the same quiz; scores are kept (quiz stats).",
                "Um quiz sobre número de parâmetros e formatos: uma resposta errada mostra a dedução e nomeia o erro que ela reproduz; a mesma semente dá o mesmo quiz; a pontuação é guardada (quiz stats)."),
            examples: ["quiz topics", "quiz count=3 seed=7 topic=conv-params; 280; skip; quiz stop"]),
        HelpEntry(
            command: "train",
            synopsis: "train [dataset=digits|mnist5k|shapes|\"mnist:DIR\"|\"cifar10:DIR\"] [epochs=N] [batch=N] [optimizer=sgd|adam|adadelta] [lr=X] [momentum=X] [decay=X] [seed=S] [augment[=on|off]]",
            summary: LocalizedText(
                "Trains the network (without one: a small CNN for the data) on a dataset's training split and tests it on the held-out split: loss and accuracy per epoch, the confusion matrix. Ctrl-C stops after a batch and keeps the weights.",
                "Treina a rede (sem uma: uma CNN pequena para os dados) na parte de treino de um conjunto de dados e a testa na parte separada: perda e acurácia por época, a matriz de confusão. Ctrl-C para depois de um lote e mantém os pesos."),
            examples: []),
        HelpEntry(
            command: "demo", synopsis: "demo",
            summary: LocalizedText(
                "The lecture's vertical edge detector, step by step (the lesson 'demo').",
                "O detector de borda vertical da aula, passo a passo (a lição 'demo')."),
            examples: []),
        HelpEntry(
            command: "quit", synopsis: "quit | exit",
            summary: LocalizedText("Leaves cnnlab (also Ctrl-D).", "Sai do cnnlab (também Ctrl-D)."), examples: []),
    ]
}
