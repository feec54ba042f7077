using System.Collections.Concurrent;
using System.Globalization;
using System.Reflection;
using System.Text;

namespace Fathom.Core;

/// <summary>
/// Reads the <see cref="HyperparameterAttribute"/> declarations of estimator types: lists them, validates
/// an estimator's values against them, and makes copies with values parsed from text (the command line's
/// <c>--param key=value</c>).
/// </summary>
public static class Hyperparameters
{
    private static readonly ConcurrentDictionary<Type, HyperparameterInfo[]> Cache = new();
    private static readonly MethodInfo CloneMethod =
        typeof(object).GetMethod("MemberwiseClone", BindingFlags.Instance | BindingFlags.NonPublic)!;

    /// <summary>The declared hyperparameters of <paramref name="estimatorType"/>, in declaration order.
    /// Defaults are read from a default-constructed instance (every estimator has a parameterless constructor).</summary>
    public static IReadOnlyList<HyperparameterInfo> Describe(Type estimatorType)
    {
        ArgumentNullException.ThrowIfNull(estimatorType);
        return Cache.GetOrAdd(estimatorType, static t =>
        {
            object? instance = t.GetConstructor(Type.EmptyTypes) is not null ? Activator.CreateInstance(t) : null;
            return t.GetProperties(BindingFlags.Instance | BindingFlags.Public)
                .Select(p => (p, a: p.GetCustomAttribute<HyperparameterAttribute>()))
                .Where(x => x.a is not null)
                .OrderBy(x => x.p.MetadataToken)
                .Select(x => new HyperparameterInfo(x.p, x.a!, instance is null ? null : x.p.GetValue(instance)))
                .ToArray();
        });
    }

    /// <summary>Current hyperparameter values of <paramref name="estimator"/> by snake_case key.</summary>
    public static IReadOnlyDictionary<string, object?> GetValues(object estimator)
    {
        ArgumentNullException.ThrowIfNull(estimator);
        return Describe(estimator.GetType()).ToDictionary(h => h.Key, h => h.Property.GetValue(estimator));
    }

    /// <summary>
    /// Checks every declared numeric hyperparameter against its range and every enum against its defined
    /// values. Estimators call this first thing in <c>Fit</c>.
    /// </summary>
    /// <exception cref="InvalidHyperparameterException">Names the parameter, its value and the valid range.</exception>
    public static void Validate(object estimator)
    {
        ArgumentNullException.ThrowIfNull(estimator);
        foreach (var h in Describe(estimator.GetType()))
        {
            object? v = h.Property.GetValue(estimator);
            if (v is null) continue;
            var a = h.Attribute;
            switch (v)
            {
                case Enum e when !Enum.IsDefined(e.GetType(), e):
                    throw Bad(estimator, h, v);
                case double or float or int or long:
                    {
                        double d = Convert.ToDouble(v, CultureInfo.InvariantCulture);
                        bool ok = !double.IsNaN(d)
                                  && (a.MinExclusive ? d > a.Min : d >= a.Min)
                                  && (a.MaxExclusive ? d < a.Max : d <= a.Max);
                        if (!ok) throw Bad(estimator, h, v);
                        break;
                    }
            }
        }
    }

    /// <summary>Throws the standard message for a parameter whose value is outside its range.</summary>
    public static InvalidHyperparameterException Bad(object estimator, HyperparameterInfo info, object? value, string? reason = null)
    {
        ArgumentNullException.ThrowIfNull(estimator);
        ArgumentNullException.ThrowIfNull(info);
        string why = reason is null ? $"it must be {info.RangeText}" : reason;
        return new InvalidHyperparameterException(info.Key,
            $"{estimator.GetType().Name}: {info.Key} = {HyperparameterInfo.FormatValue(value)} is not valid; {why} ({info.Doc}).");
    }

    /// <summary>
    /// A copy of <paramref name="estimator"/> with the given values (snake_case or PascalCase keys, text
    /// values as on the command line: numbers, true/false, enum names in snake_case, "none" for null), then
    /// validated. The original is not changed.
    /// </summary>
    /// <exception cref="InvalidHyperparameterException">Unknown key, unparsable value or out-of-range value.</exception>
    public static T With<T>(T estimator, IEnumerable<KeyValuePair<string, string>> values) where T : class
    {
        ArgumentNullException.ThrowIfNull(estimator);
        ArgumentNullException.ThrowIfNull(values);
        var infos = Describe(estimator.GetType());
        var copy = (T)CloneMethod.Invoke(estimator, null)!;
        foreach (var (key, text) in values)
        {
            string norm = ToSnakeCase(key.Trim());
            var h = infos.FirstOrDefault(i => i.Key == norm)
                ?? throw new InvalidHyperparameterException(norm,
                    $"{estimator.GetType().Name} has no parameter '{key}'. Valid parameters: {string.Join(", ", infos.Select(i => i.Key))}.");
            h.Property.SetValue(copy, Parse(estimator, h, text.Trim()));
        }
        Validate(copy);
        return copy;
    }

    /// <summary>Converts <c>MaxIter</c> or <c>max-iter</c> to <c>max_iter</c>; <c>C</c> to <c>c</c>.</summary>
    public static string ToSnakeCase(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        var sb = new StringBuilder(name.Length + 4);
        for (int i = 0; i < name.Length; i++)
        {
            char c = name[i];
            if (c == '-' || c == ' ') { sb.Append('_'); continue; }
            if (char.IsUpper(c))
            {
                bool prevLower = i > 0 && (char.IsLower(name[i - 1]) || char.IsDigit(name[i - 1]));
                bool nextLower = i + 1 < name.Length && char.IsLower(name[i + 1]) && i > 0 && char.IsUpper(name[i - 1]);
                if (prevLower || nextLower) sb.Append('_');
                sb.Append(char.ToLowerInvariant(c));
            }
            else sb.Append(c);
        }
        return sb.ToString();
    }

    /// <summary>Converts <c>max_iter</c> or <c>MaxIter</c> to kebab-case <c>max-iter</c>.</summary>
    public static string ToKebabCase(string name) => ToSnakeCase(name).Replace('_', '-');

    private static object? Parse(object estimator, HyperparameterInfo h, string text)
    {
        var type = h.Type;
        var underlying = Nullable.GetUnderlyingType(type);
        if (underlying is not null || !type.IsValueType)
        {
            if (text.Equals("none", StringComparison.OrdinalIgnoreCase) || text.Equals("null", StringComparison.OrdinalIgnoreCase))
                return null;
        }
        var t = underlying ?? type;
        var ci = CultureInfo.InvariantCulture;
        if (t == typeof(string)) return text;
        if (t == typeof(double) && double.TryParse(text, NumberStyles.Float, ci, out double d)) return d;
        if (t == typeof(float) && float.TryParse(text, NumberStyles.Float, ci, out float f)) return f;
        if (t == typeof(int) && int.TryParse(text, NumberStyles.Integer, ci, out int n)) return n;
        if (t == typeof(long) && long.TryParse(text, NumberStyles.Integer, ci, out long l)) return l;
        if (t == typeof(bool) && bool.TryParse(text, out bool b)) return b;
        if (t.IsEnum)
        {
            string wanted = ToSnakeCase(text);
            foreach (var name in Enum.GetNames(t))
                if (ToSnakeCase(name) == wanted) return Enum.Parse(t, name);
        }
        throw new InvalidHyperparameterException(h.Key,
            $"{estimator.GetType().Name}: cannot read '{text}' as {h.Key}; it must be {h.RangeText} ({h.Doc}).");
    }
}
