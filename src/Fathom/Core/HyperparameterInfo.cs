using System.Globalization;
using System.Reflection;

namespace Fathom.Core;

/// <summary>One declared hyperparameter of an estimator type: name, type, default, range and meaning.</summary>
public sealed class HyperparameterInfo
{
    internal HyperparameterInfo(PropertyInfo property, HyperparameterAttribute attribute, object? defaultValue)
    {
        Property = property;
        Attribute = attribute;
        Default = defaultValue;
        Key = Hyperparameters.ToSnakeCase(property.Name);
    }

    /// <summary>The property that holds the value.</summary>
    public PropertyInfo Property { get; }

    /// <summary>The declaration (meaning and range).</summary>
    public HyperparameterAttribute Attribute { get; }

    /// <summary>C# property name, e.g. <c>MaxIter</c>.</summary>
    public string Name => Property.Name;

    /// <summary>snake_case key used on the command line and in model files, e.g. <c>max_iter</c>.</summary>
    public string Key { get; }

    /// <summary>The property type (int, double, bool, an enum, string, or a nullable of these).</summary>
    public Type Type => Property.PropertyType;

    /// <summary>The default value (of a default-constructed estimator).</summary>
    public object? Default { get; }

    /// <summary>The meaning, as declared.</summary>
    public string Doc => Attribute.Doc;

    /// <summary>The valid values as text: an interval such as <c>(0, ∞)</c>, or the list of options.</summary>
    public string RangeText
    {
        get
        {
            var t = Nullable.GetUnderlyingType(Type) ?? Type;
            if (t.IsEnum) return string.Join(" | ", Enum.GetNames(t).Select(Hyperparameters.ToSnakeCase));
            if (t == typeof(bool)) return "true | false";
            if (t == typeof(string)) return "text";
            string lo = double.IsNegativeInfinity(Attribute.Min) ? "-∞" : Attribute.Min.ToString(CultureInfo.InvariantCulture);
            string hi = double.IsPositiveInfinity(Attribute.Max) ? "∞" : Attribute.Max.ToString(CultureInfo.InvariantCulture);
            string open = Attribute.MinExclusive || double.IsNegativeInfinity(Attribute.Min) ? "(" : "[";
            string close = Attribute.MaxExclusive || double.IsPositiveInfinity(Attribute.Max) ? ")" : "]";
            string kind = t == typeof(int) || t == typeof(long) ? "integer in " : "";
            string nul = Nullable.GetUnderlyingType(Type) is not null && Attribute.NullMeans.Length > 0 ? $", or none ({Attribute.NullMeans})" : "";
            return $"{kind}{open}{lo}, {hi}{close}{nul}";
        }
    }

    /// <summary>The value as command-line text (snake_case for enums, invariant numbers, "none" for null).</summary>
    public static string FormatValue(object? value) => value switch
    {
        null => "none",
        Enum e => Hyperparameters.ToSnakeCase(e.ToString()),
        bool b => b ? "true" : "false",
        double d => d.ToString("R", CultureInfo.InvariantCulture),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "",
    };

    /// <inheritdoc/>
    public override string ToString() => $"{Key} = {FormatValue(Default)}  {RangeText}  {Doc}";
}
