namespace Fathom.Preprocessing;

/// <summary>Which power transform <see cref="PowerTransformer"/> fits.</summary>
public enum PowerMethod
{
    /// <summary>Yeo-Johnson: any real values.</summary>
    YeoJohnson,

    /// <summary>Box-Cox: strictly positive values only.</summary>
    BoxCox,
}
