using System.Globalization;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using Fathom.Core;
using Fathom.Numerics;
using Fathom.Persistence;

namespace Fathom.Trees;

/// <summary>
/// The learned state of one fitted tree, as flat arrays (scikit-learn's <c>tree_</c>): per node its split
/// feature and threshold, children, impurity, sample counts and value. Values are weighted class counts
/// (classification, <see cref="ValueWidth"/> = classes) or the weighted mean target (regression, width 1).
/// Immutable after construction and safe to read from many threads.
/// </summary>
internal sealed class Tree
{
    internal readonly int[] Feature;
    internal readonly double[] Threshold;
    internal readonly int[] Left;
    internal readonly int[] Right;
    internal readonly double[] Impurity;
    internal readonly int[] Samples;
    internal readonly double[] Weighted;
    internal readonly double[] Value;
    /// <summary>Classification: value / Σ value per node (the leaf probabilities); regression: the value itself.</summary>
    internal readonly double[] Output;
    /// <summary>Per node, whether a missing (NaN) value of its feature goes left: the side learned from training rows
    /// with missing values, else the child that received more training rows (scikit-learn 1.3's rule).</summary>
    internal readonly bool[] MissingLeft;

    internal Tree(int[] feature, double[] threshold, int[] left, int[] right, double[] impurity, int[] samples,
        double[] weighted, double[] value, int valueWidth, bool normalize, bool[]? missingLeft = null)
    {
        if (missingLeft is null)
        {
            missingLeft = new bool[feature.Length];
            for (int node = 0; node < feature.Length; node++)
                missingLeft[node] = left[node] >= 0 && samples[left[node]] > samples[right[node]];
        }
        MissingLeft = missingLeft;
        (Packed, LeafNode) = Pack(feature, threshold, left, right, missingLeft);
        Feature = feature;
        Threshold = threshold;
        Left = left;
        Right = right;
        Impurity = impurity;
        Samples = samples;
        Weighted = weighted;
        Value = value;
        ValueWidth = valueWidth;
        Output = value;
        if (normalize)
        {
            Output = new double[value.Length];
            for (int node = 0; node < feature.Length; node++)
            {
                var v = value.AsSpan(node * valueWidth, valueWidth);
                double s = 0;
                foreach (double c in v) s += c;
                var o = Output.AsSpan(node * valueWidth, valueWidth);
                for (int k = 0; k < valueWidth; k++) o[k] = s > 0 ? v[k] / s : 1.0 / valueWidth;
            }
        }
        LeafOutput = new double[LeafNode.Length * valueWidth];
        for (int leaf = 0; leaf < LeafNode.Length; leaf++)
            Output.AsSpan(LeafNode[leaf] * valueWidth, valueWidth).CopyTo(LeafOutput.AsSpan(leaf * valueWidth, valueWidth));
    }

    /// <summary>Number of nodes.</summary>
    internal int NodeCount => Feature.Length;

    /// <summary>Values per node: the class count, or 1 for regression.</summary>
    internal int ValueWidth { get; }

    /// <summary>Number of leaves.</summary>
    internal int LeafCount
    {
        get
        {
            int c = 0;
            foreach (int l in Left) if (l < 0) c++;
            return c;
        }
    }

    /// <summary>Length of the longest root-to-leaf path (0 for a single leaf).</summary>
    internal int Depth
    {
        get
        {
            var depth = new int[NodeCount];
            int max = 0;
            for (int node = 0; node < NodeCount; node++) // parents are always numbered before their children
            {
                max = Math.Max(max, depth[node]);
                if (Left[node] >= 0) { depth[Left[node]] = depth[node] + 1; depth[Right[node]] = depth[node] + 1; }
            }
            return max;
        }
    }

    /// <summary>The node.</summary>
    internal TreeNode Node(int i) => new(Feature[i], Threshold[i], Left[i], Right[i], Impurity[i], Samples[i], Weighted[i])
    {
        MissingGoesLeft = MissingLeft[i],
    };

    /// <summary>The internal nodes in prediction layout (<see cref="PackedNode"/>), in node order without the leaves
    /// (a child pointer is a packed index, or ~leaf rank for a leaf); empty when the root is a leaf.</summary>
    internal readonly PackedNode[] Packed;

    /// <summary>Node number of each leaf, in node order (the leaf's rank is its index in <see cref="LeafOutput"/>).</summary>
    internal readonly int[] LeafNode;

    /// <summary><see cref="Output"/> of the leaves only, by leaf rank (a compact array for prediction).</summary>
    internal readonly double[] LeafOutput;

    private static (PackedNode[] Packed, int[] LeafNode) Pack(int[] feature, double[] threshold, int[] left, int[] right, bool[] missingLeft)
    {
        // Internal nodes and leaves each ranked in node order (the root first): the rank is the packed index.
        var rank = new int[feature.Length];
        int internals = 0, leaves = 0;
        for (int node = 0; node < feature.Length; node++) rank[node] = left[node] >= 0 ? internals++ : leaves++;
        var leafNode = new int[leaves];
        var packed = new PackedNode[internals];
        for (int node = 0; node < feature.Length; node++)
        {
            int l = left[node], r = right[node];
            if (l < 0)
            {
                leafNode[rank[node]] = node;
                continue;
            }
            packed[rank[node]] = new PackedNode(feature[node], missingLeft[node], threshold[node],
                left[l] < 0 ? ~rank[l] : rank[l], left[r] < 0 ? ~rank[r] : rank[r]);
        }
        return (packed, leafNode);
    }

    /// <summary>The leaf a row falls into: left when <c>(float)x[f] &lt;= threshold</c> (features compared in single
    /// precision, as they were when the tree was grown); a NaN goes to the node's missing side.</summary>
    internal int Leaf(ReadOnlySpan<double> row)
    {
        var nodes = Packed;
        if (nodes.Length == 0) return 0;
        int node = 0;
        while (true)
        {
            ref readonly PackedNode nd = ref nodes[node];
            int f = nd.Feature;
            float v = (float)row[f ^ (f >> 31)];
            int next = v <= nd.Threshold || (float.IsNaN(v) && f < 0) ? nd.Left : nd.Right;
            if (next < 0) return LeafNode[~next];
            node = next;
        }
    }

    /// <summary>The leaf ranks (indices into <see cref="LeafOutput"/>) of <paramref name="count"/> rows held as floats,
    /// row-major with <paramref name="stride"/> values per row, into <paramref name="leaf"/>. All rows descend one level
    /// per pass (the rows still inside the tree are kept in <paramref name="active"/>), so the loads of different rows
    /// are independent and overlap in the memory system instead of waiting one after another. Same decisions as
    /// <see cref="Leaf"/>. Unchecked indexing: the caller guarantees <paramref name="stride"/> ≥ the model's feature count
    /// (prediction checks it), and node indices were checked when the tree was built or read.</summary>
    internal void Leaves(ReadOnlySpan<float> rows, int stride, int count, Span<int> leaf, Span<int> active)
    {
        if (active.Length < count || leaf.Length < count || rows.Length < (long)count * stride)
            throw new ArgumentException("The scratch spans are smaller than the block.");
        var nodes = Packed;
        leaf = leaf[..count];
        leaf.Clear();
        if (nodes.Length == 0) return;
        ref PackedNode root = ref MemoryMarshal.GetArrayDataReference(nodes);
        ref float x0 = ref MemoryMarshal.GetReference(rows);
        ref int leaf0 = ref MemoryMarshal.GetReference(leaf);
        ref int act0 = ref MemoryMarshal.GetReference(active);
        for (int i = 0; i < count; i++) Unsafe.Add(ref act0, i) = i;
        int live = count;
        while (live > 0)
        {
            int kept = 0;
            for (int a = 0; a < live; a++)
            {
                int i = Unsafe.Add(ref act0, a);
                ref int at = ref Unsafe.Add(ref leaf0, i);
                ref readonly PackedNode nd = ref Unsafe.Add(ref root, at);
                int f = nd.Feature;
                float v = Unsafe.Add(ref x0, i * stride + (f ^ (f >> 31)));
                // Branch-free: the comparison picks Left or Right (adjacent fields) by offset, so a badly predictable
                // test costs no pipeline flush and the rows' steps overlap.
                bool goLeft = (v <= nd.Threshold) | (float.IsNaN(v) & (f < 0));
                int next = Unsafe.Add(ref Unsafe.AsRef(in nd.Left), Unsafe.As<bool, byte>(ref goLeft) ^ 1);
                at = next ^ (next >> 31);          // a leaf child is stored as ~rank
                Unsafe.Add(ref act0, kept) = i;    // keep the row while it is still inside the tree
                kept += (int)((uint)~next >> 31);
            }
            live = kept;
        }
    }

    /// <summary>Leaf index of every row.</summary>
    internal int[] Apply(Matrix x)
    {
        var result = new int[x.Rows];
        for (int i = 0; i < result.Length; i++) result[i] = Leaf(x.Row(i));
        return result;
    }

    /// <summary>Σ over internal nodes of w·impurity − w_l·impurity_l − w_r·impurity_r, per feature, divided by the root
    /// weight (scikit-learn's <c>compute_feature_importances(normalize=False)</c>).</summary>
    internal double[] RawImportances(int featureCount)
    {
        var imp = new double[featureCount];
        for (int node = 0; node < NodeCount; node++)
        {
            int l = Left[node], r = Right[node];
            if (l < 0) continue;
            imp[Feature[node]] += Weighted[node] * Impurity[node] - Weighted[l] * Impurity[l] - Weighted[r] * Impurity[r];
        }
        for (int j = 0; j < featureCount; j++) imp[j] /= Weighted[0];
        return imp;
    }

    /// <summary>Importances normalized to sum to 1 (all zeros for a single-leaf tree), as scikit-learn's <c>feature_importances_</c>.</summary>
    internal double[] Importances(int featureCount)
    {
        var imp = RawImportances(featureCount);
        Normalize(imp);
        return imp;
    }

    /// <summary>Divides by the sum when it is positive.</summary>
    internal static void Normalize(double[] values)
    {
        double s = 0;
        foreach (double v in values) s += v;
        if (s > 0) for (int j = 0; j < values.Length; j++) values[j] /= s;
    }

    /// <summary>Writes several trees as one set of concatenated arrays under <paramref name="prefix"/>.</summary>
    internal static void WriteMany(ModelWriter writer, string prefix, IReadOnlyList<Tree> trees)
    {
        var counts = trees.Select(t => t.NodeCount).ToArray();
        writer.SetProperty(prefix + "value_width", trees[0].ValueWidth);
        writer.WriteInts(prefix + "node_counts", counts);
        writer.WriteInts(prefix + "feature", trees.SelectMany(t => t.Feature).ToArray());
        writer.WriteDoubles(prefix + "threshold", trees.SelectMany(t => t.Threshold).ToArray());
        writer.WriteInts(prefix + "left", trees.SelectMany(t => t.Left).ToArray());
        writer.WriteInts(prefix + "right", trees.SelectMany(t => t.Right).ToArray());
        writer.WriteDoubles(prefix + "impurity", trees.SelectMany(t => t.Impurity).ToArray());
        writer.WriteInts(prefix + "samples", trees.SelectMany(t => t.Samples).ToArray());
        writer.WriteDoubles(prefix + "weighted_samples", trees.SelectMany(t => t.Weighted).ToArray());
        writer.WriteDoubles(prefix + "value", trees.SelectMany(t => t.Value).ToArray());
        writer.SetProperty(prefix + "has_missing_left", true);
        writer.WriteInts(prefix + "missing_left", trees.SelectMany(t => t.MissingLeft).Select(b => b ? 1 : 0).ToArray());
    }

    /// <summary>Reads trees written by <see cref="WriteMany"/>, checking every index so a damaged file cannot
    /// make prediction loop or read out of range.</summary>
    internal static Tree[] ReadMany(ModelReader reader, string prefix, int featureCount, bool normalize, int? expectedWidth)
    {
        int width = reader.GetInt(prefix + "value_width");
        if (width < 1 || (expectedWidth is int w && w != width))
            throw Damaged("the value width of a tree is not valid");
        var counts = reader.ReadInts(prefix + "node_counts");
        long total = 0;
        foreach (int c in counts)
        {
            if (c < 1) throw Damaged("a tree has no nodes");
            total += c;
        }
        if (counts.Length == 0 || total > int.MaxValue / Math.Max(1, width)) throw Damaged("the tree sizes are not valid");
        int n = (int)total;
        var feature = reader.ReadInts(prefix + "feature", n);
        var threshold = reader.ReadDoubles(prefix + "threshold", n);
        var left = reader.ReadInts(prefix + "left", n);
        var right = reader.ReadInts(prefix + "right", n);
        var impurity = reader.ReadDoubles(prefix + "impurity", n);
        var samples = reader.ReadInts(prefix + "samples", n);
        var weighted = reader.ReadDoubles(prefix + "weighted_samples", n);
        var value = reader.ReadDoubles(prefix + "value", n * width);
        // Files written before missing-value support have no missing_left: derive it (child with more rows).
        bool hasMissing = HasProperty(reader, prefix + "has_missing_left");
        var missing = hasMissing ? reader.ReadInts(prefix + "missing_left", n) : null;
        var trees = new Tree[counts.Length];
        int offset = 0;
        for (int t = 0; t < counts.Length; t++)
        {
            int m = counts[t];
            var l = left.AsSpan(offset, m).ToArray();
            var r = right.AsSpan(offset, m).ToArray();
            var f = feature.AsSpan(offset, m).ToArray();
            for (int node = 0; node < m; node++)
            {
                bool leaf = l[node] < 0;
                // Children are numbered after their parent, which rules out cycles.
                if (leaf ? r[node] >= 0 : (l[node] <= node || r[node] <= node || l[node] >= m || r[node] >= m
                        || f[node] < 0 || f[node] >= featureCount))
                    throw Damaged("a tree node points outside its tree");
            }
            trees[t] = new Tree(f, threshold.AsSpan(offset, m).ToArray(), l, r, impurity.AsSpan(offset, m).ToArray(),
                samples.AsSpan(offset, m).ToArray(), weighted.AsSpan(offset, m).ToArray(),
                value.AsSpan(offset * width, m * width).ToArray(), width, normalize,
                missing is null ? null : missing.AsSpan(offset, m).ToArray().Select(v => v != 0).ToArray());
            offset += m;
        }
        return trees;
    }

    private static bool HasProperty(ModelReader reader, string key)
    {
        try
        {
            return reader.GetBool(key);
        }
        catch (ModelFormatException)
        {
            return false;
        }
    }

    private static ModelFormatException Damaged(string what) => new($"The model file is damaged: {what}.");

    /// <summary>scikit-learn's <c>export_text</c>: one line per node, "|   " per level, "|--- name &lt;= t" and
    /// "|--- name &gt;  t" for the two branches, and "|--- class: c" or "|--- value: [v]" at leaves.</summary>
    internal string ExportText(IReadOnlyList<string> names, IReadOnlyList<string>? classes, int decimals, int maxDepth)
    {
        var sb = new System.Text.StringBuilder();
        string fmt = "F" + decimals.ToString(CultureInfo.InvariantCulture);
        void Leaf(int node, int depth)
        {
            sb.Append(Indent(depth)).Append("|--- ");
            if (classes is not null)
            {
                var v = Value.AsSpan(node * ValueWidth, ValueWidth);
                int best = 0;
                for (int k = 1; k < v.Length; k++) if (v[k] > v[best]) best = k;
                sb.Append("class: ").Append(classes[best]);
            }
            else sb.Append("value: [").Append(Value[node].ToString(fmt, CultureInfo.InvariantCulture)).Append(']');
            sb.Append('\n');
        }
        void Walk(int node, int depth)
        {
            if (Left[node] < 0) { Leaf(node, depth); return; }
            if (depth >= maxDepth)
            {
                sb.Append(Indent(depth)).Append("|--- truncated branch of depth ")
                  .Append(SubtreeDepth(node).ToString(CultureInfo.InvariantCulture)).Append('\n');
                return;
            }
            string name = names[Feature[node]];
            string t = Threshold[node].ToString(fmt, CultureInfo.InvariantCulture);
            sb.Append(Indent(depth)).Append("|--- ").Append(name).Append(" <= ").Append(t).Append('\n');
            Walk(Left[node], depth + 1);
            sb.Append(Indent(depth)).Append("|--- ").Append(name).Append(" >  ").Append(t).Append('\n');
            Walk(Right[node], depth + 1);
        }
        Walk(0, 0);
        return sb.ToString();
    }

    private static string Indent(int depth) => string.Concat(Enumerable.Repeat("|   ", depth));

    private int SubtreeDepth(int node) => Left[node] < 0 ? 0 : 1 + Math.Max(SubtreeDepth(Left[node]), SubtreeDepth(Right[node]));

    /// <summary>Graphviz dot text in the shape of scikit-learn's <c>export_graphviz</c> (boxes labelled with the test,
    /// impurity, samples and value; True/False on the root's edges).</summary>
    internal string ExportGraphviz(IReadOnlyList<string> names, IReadOnlyList<string>? classes, string criterion, int decimals)
    {
        var ci = CultureInfo.InvariantCulture;
        string fmt = "F" + decimals.ToString(ci);
        var sb = new System.Text.StringBuilder("digraph Tree {\nnode [shape=box, fontname=\"helvetica\"] ;\nedge [fontname=\"helvetica\"] ;\n");
        for (int node = 0; node < NodeCount; node++)
        {
            var label = new System.Text.StringBuilder();
            if (Left[node] >= 0)
                label.Append(Escape(names[Feature[node]])).Append(" <= ").Append(Threshold[node].ToString(fmt, ci)).Append("\\n");
            label.Append(criterion).Append(" = ").Append(Impurity[node].ToString(fmt, ci)).Append("\\n");
            label.Append("samples = ").Append(Samples[node].ToString(ci)).Append("\\n");
            var v = Value.AsSpan(node * ValueWidth, ValueWidth);
            label.Append("value = ");
            if (classes is null) label.Append(v[0].ToString(fmt, ci));
            else
            {
                label.Append('[');
                for (int k = 0; k < v.Length; k++)
                    label.Append(k > 0 ? ", " : "").Append(FormatCount(v[k], fmt));
                label.Append(']');
                int best = 0;
                for (int k = 1; k < v.Length; k++) if (v[k] > v[best]) best = k;
                label.Append("\\nclass = ").Append(Escape(classes[best]));
            }
            sb.Append(node.ToString(ci)).Append(" [label=\"").Append(label).Append("\"] ;\n");
            if (Left[node] >= 0)
            {
                foreach (var (child, isLeft) in new[] { (Left[node], true), (Right[node], false) })
                {
                    sb.Append(node.ToString(ci)).Append(" -> ").Append(child.ToString(ci));
                    if (node == 0)
                        sb.Append(isLeft ? " [labeldistance=2.5, labelangle=45, headlabel=\"True\"]"
                                         : " [labeldistance=2.5, labelangle=-45, headlabel=\"False\"]");
                    sb.Append(" ;\n");
                }
            }
        }
        sb.Append("}\n");
        return sb.ToString();
    }

    private static string FormatCount(double v, string fmt) =>
        v == Math.Floor(v) && Math.Abs(v) < 1e15 ? ((long)v).ToString(CultureInfo.InvariantCulture) : v.ToString(fmt, CultureInfo.InvariantCulture);

    private static string Escape(string s) => s.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal);
}
