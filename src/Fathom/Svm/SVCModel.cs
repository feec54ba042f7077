using System.Collections.ObjectModel;
using Fathom.Core;
using Fathom.Linear;
using Fathom.Numerics;
using Fathom.Persistence;

namespace Fathom.Svm;

/// <summary>
/// A fitted <see cref="SVC"/> or <see cref="NuSVC"/>: support vectors, one-vs-one dual coefficients and
/// intercepts in scikit-learn's layout. Decision values cost one kernel evaluation per (row, support vector),
/// computed by GEMM in blocks. Immutable and thread-safe.
/// </summary>
public sealed class SVCModel : IClassificationModel
{
    private readonly string[] _classes;
    private readonly KernelExpansion _state;
    private readonly int[] _iterations;
    private readonly PlattScaling? _platt;
    private readonly string _kind;

    internal SVCModel(IClassifier parameters, string kind, string[] classes, LabelKind labelKind, KernelExpansion state,
        SvmDecisionShape shape, int[] iterations, PlattScaling? platt)
    {
        Parameters = parameters;
        _kind = kind;
        _classes = classes;
        LabelKind = labelKind;
        _state = state;
        DecisionFunctionShape = shape;
        _iterations = iterations;
        _platt = platt;
    }

    /// <summary>The estimator (an <see cref="SVC"/> or a <see cref="NuSVC"/>) the model was fitted with.</summary>
    public IClassifier Parameters { get; }

    /// <inheritdoc/>
    public IReadOnlyList<string> Classes => new ReadOnlyCollection<string>(_classes);

    /// <inheritdoc/>
    public LabelKind LabelKind { get; }

    /// <inheritdoc/>
    public int FeatureCount => _state.SupportVectors.Columns;

    /// <inheritdoc/>
    public string ModelKind => _kind;

    /// <summary>Shape of <see cref="DecisionFunction"/> for more than two classes.</summary>
    public SvmDecisionShape DecisionFunctionShape { get; }

    /// <summary>The kernel coefficient γ actually used ("scale"/"auto" resolved).</summary>
    public double Gamma => _state.Kernel.Gamma;

    /// <summary>The support vectors (n_SV × p), grouped by class in class order (scikit-learn's <c>support_vectors_</c>), as a copy.</summary>
    public Matrix SupportVectors => _state.SupportVectors.Clone();

    /// <summary>Training-row index of each support vector (<c>support_</c>).</summary>
    public IReadOnlyList<int> Support => new ReadOnlyCollection<int>(_state.SupportIndices);

    /// <summary>Number of support vectors per class (<c>n_support_</c>).</summary>
    public IReadOnlyList<int> NSupport => new ReadOnlyCollection<int>(_state.NSupport);

    /// <summary>
    /// Dual coefficients y_i·α_i ((classes − 1) × n_SV, <c>dual_coef_</c>): for the pair (a, b) the coefficients of
    /// class a's vectors are in row b − 1 and those of class b's in row a. With two classes the sign is flipped as
    /// scikit-learn does, so that positive decision values mean the second class.
    /// </summary>
    public Matrix DualCoef
    {
        get
        {
            var d = _state.DualCoef.Clone();
            if (_classes.Length == 2) TensorNegate(d);
            return d;
        }
    }

    /// <summary>Intercept per pair of classes (<c>intercept_</c>), order (0,1), (0,2), …, (1,2), …; sign flipped for two classes.</summary>
    public IReadOnlyList<double> Intercept =>
        new ReadOnlyCollection<double>(_classes.Length == 2 ? [-_state.Intercept[0]] : (double[])_state.Intercept.Clone());

    /// <summary>Solver iterations per pair of classes (<c>n_iter_</c>).</summary>
    public IReadOnlyList<int> Iterations => new ReadOnlyCollection<int>(_iterations);

    /// <summary>True when Platt probabilities were fitted (<see cref="SVC.Probability"/>).</summary>
    public bool HasProbability => _platt is not null;

    /// <summary>Platt sigmoid slopes per pair (<c>probA_</c>); empty without probabilities.</summary>
    public IReadOnlyList<double> ProbA => new ReadOnlyCollection<double>(_platt?.A ?? []);

    /// <summary>Platt sigmoid offsets per pair (<c>probB_</c>); empty without probabilities.</summary>
    public IReadOnlyList<double> ProbB => new ReadOnlyCollection<double>(_platt?.B ?? []);

    private static void TensorNegate(Matrix m)
    {
        var s = m.AsSpan();
        for (int i = 0; i < s.Length; i++) s[i] = -s[i];
    }

    private Matrix Raw(Matrix x)
    {
        InputChecks.FeatureCount(x, FeatureCount, nameof(SVCModel));
        InputChecks.Finite(x, nameof(SVCModel));
        return _state.Decision(x);
    }

    /// <summary>
    /// Decision values as scikit-learn's <c>decision_function</c>: with two classes one column, positive for the
    /// second class; otherwise, for <see cref="SvmDecisionShape.Ovr"/>, one column per class = one-vs-one votes plus
    /// s/(3(|s| + 1)) where s sums the pairwise confidences, and for <see cref="SvmDecisionShape.Ovo"/> the raw
    /// pairwise values (positive favours the first class of the pair).
    /// </summary>
    /// <exception cref="InvalidInputException">Wrong feature count or non-finite values.</exception>
    public Matrix DecisionFunction(Matrix x)
    {
        var raw = Raw(x);
        int k = _classes.Length;
        if (k == 2)
        {
            TensorNegate(raw);
            return raw;
        }
        return DecisionFunctionShape == SvmDecisionShape.Ovo ? raw : Ovr(raw, k);
    }

    private static Matrix Ovr(Matrix raw, int k)
    {
        var result = new Matrix(raw.Rows, k);
        var conf = new double[k];
        for (int i = 0; i < raw.Rows; i++)
        {
            Array.Clear(conf);
            var row = result.Row(i);
            int p = 0;
            for (int a = 0; a < k; a++)
                for (int b = a + 1; b < k; b++, p++)
                {
                    double d = raw[i, p];
                    conf[a] += d;
                    conf[b] -= d;
                    if (d < 0) row[b] += 1; else row[a] += 1;
                }
            for (int c = 0; c < k; c++) row[c] += conf[c] / (3 * (Math.Abs(conf[c]) + 1));
        }
        return result;
    }

    /// <summary>Predicted class index: one-vs-one vote (pair value &gt; 0 votes for the first class), ties to the lower index, as libsvm.</summary>
    public int[] PredictIndex(Matrix x) => Vote(Raw(x), _classes.Length);

    private static int[] Vote(Matrix raw, int k)
    {
        var result = new int[raw.Rows];
        var votes = new int[k];
        for (int i = 0; i < raw.Rows; i++)
        {
            Array.Clear(votes);
            int p = 0;
            for (int a = 0; a < k; a++)
                for (int b = a + 1; b < k; b++, p++)
                    votes[raw[i, p] > 0 ? a : b]++;
            int best = 0;
            for (int c = 1; c < k; c++) if (votes[c] > votes[best]) best = c;
            result[i] = best;
        }
        return result;
    }

    /// <summary>Predicted class name of each row.</summary>
    public string[] Predict(Matrix x) => PredictIndex(x).Select(i => _classes[i]).ToArray();

    /// <summary>
    /// Class probabilities. With <see cref="SVC.Probability"/>: libsvm's Platt sigmoids per pair coupled across
    /// classes (may disagree with <see cref="Predict"/> near the boundary, as in scikit-learn). Without it (where
    /// scikit-learn raises) an uncalibrated score: the logistic of the decision value for two classes, the softmax
    /// of the ovr decision values otherwise — usable for ranking (ROC AUC), not as calibrated probabilities.
    /// </summary>
    public Matrix PredictProba(Matrix x)
    {
        var raw = Raw(x);
        int k = _classes.Length;
        if (_platt is not null) return _platt.Predict(raw, k);
        if (k == 2)
        {
            var p = new Matrix(raw.Rows, 2);
            for (int i = 0; i < raw.Rows; i++)
            {
                double d = -raw[i, 0];
                double p1 = d >= 0 ? 1 / (1 + Math.Exp(-d)) : Math.Exp(d) / (1 + Math.Exp(d));
                p[i, 1] = p1;
                p[i, 0] = 1 - p1;
            }
            return p;
        }
        var ovr = Ovr(raw, k);
        Reductions.SoftmaxRows(ovr);
        return ovr;
    }

    /// <inheritdoc/>
    public void WriteTo(ModelWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteHyperparameters(Parameters);
        writer.WriteStrings("classes", _classes);
        writer.SetProperty("label_kind", LabelKind.ToString());
        writer.SetProperty("decision_shape", DecisionFunctionShape.ToString());
        writer.WriteInts("iterations", _iterations);
        _state.WriteTo(writer);
        if (_platt is not null)
        {
            writer.WriteDoubles("prob_a", _platt.A);
            writer.WriteDoubles("prob_b", _platt.B);
        }
        writer.SetProperty("has_probability", _platt is not null);
    }

    internal static SVCModel ReadFrom(ModelReader reader, bool nu)
    {
        string kind = nu ? "nu-svc" : "svc";
        IClassifier parameters = nu ? reader.ReadHyperparameters<NuSVC>() : reader.ReadHyperparameters<SVC>();
        var classes = reader.ReadStrings("classes");
        if (classes.Length < 2 || classes.Any(c => c is null))
            throw new ModelFormatException($"The model file is damaged: a {kind} model needs at least two named classes.");
        if (!Enum.TryParse<LabelKind>(reader.GetString("label_kind"), out var labelKind)
            || !Enum.TryParse<SvmDecisionShape>(reader.GetString("decision_shape"), out var shape))
            throw new ModelFormatException($"The model file is damaged: the label kind or decision shape of a {kind} model is not valid.");
        var state = KernelExpansion.ReadFrom(reader, kind);
        int pairs = classes.Length * (classes.Length - 1) / 2;
        if (state.NSupport.Length != classes.Length)
            throw new ModelFormatException($"The model file is damaged: a {kind} model with {classes.Length} classes has n_support for {state.NSupport.Length}.");
        var iterations = reader.ReadInts("iterations", pairs);
        PlattScaling? platt = reader.GetBool("has_probability")
            ? new PlattScaling(reader.ReadDoubles("prob_a", pairs), reader.ReadDoubles("prob_b", pairs))
            : null;
        return new SVCModel(parameters, kind, classes!, labelKind, state, shape, iterations, platt);
    }
}
