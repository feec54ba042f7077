using Fathom.Compose;
using Fathom.Core;
using Fathom.Data;
using Fathom.Preprocessing;
using static Fathom.Tests.Preprocessing.PrepTestData;

namespace Fathom.Tests.Compose;

public class FeatureUnionTests
{
    private static DataFrame PenguinsWithHoles()
    {
        var x = Penguins;
        var v = ((NumericColumn)x[1]).Values.ToArray();
        for (int i = 5; i < 8; i++) v[i] = double.NaN;
        return x.WithColumn(new NumericColumn(x[1].Name, v));
    }

    private static FeatureUnion Union => new(("std", new StandardScaler()), ("minmax", new MinMaxScaler()), ("missing", new MissingIndicator()));

    [Fact]
    public void MatchesScikitLearnIncludingPrefixedNames()
    {
        var x = PenguinsWithHoles();
        var model = Union.Fit(x);
        AssertFrame(Reference("Compose", "union.json", "union_penguins"), model.Transform(x));
        Assert.Equal("std__Beak Length (mm)", model.FeatureNamesOut[0]);
        Assert.Equal("missing__missingindicator_Beak Length (mm)", model.FeatureNamesOut[8]);
    }

    [Fact]
    public void SavesAndLoadsAsOneModelAndChecksColumns()
    {
        var x = PenguinsWithHoles();
        var model = Union.Fit(x);
        var back = Reload(model);
        Assert.IsType<FeatureUnionModel>(back);
        AssertSameFrame(model.Transform(x), back.Transform(x));
        Assert.Equal("Body Mass (g)", Assert.Throws<InvalidInputException>(() => model.Transform(x.Drop("Body Mass (g)"))).Column);
    }

    [Fact]
    public void BadMembersAreRejected()
    {
        var x = Penguins;
        Assert.Throws<InvalidHyperparameterException>(() => new FeatureUnion().Fit(x));
        Assert.Throws<InvalidHyperparameterException>(() => new FeatureUnion(("a", new StandardScaler()), ("a", new MinMaxScaler())).Fit(x));
        Assert.Throws<InvalidHyperparameterException>(() => new FeatureUnion(("a__b", new StandardScaler())).Fit(x));
    }

    [Fact]
    public void WorksInsideAPipeline()
    {
        var x = PenguinsWithHoles();
        var pipe = new Pipeline(("union", new FeatureUnion(("imp", new SimpleImputer()), ("miss", new MissingIndicator()))), ("scale", new StandardScaler()));
        var model = pipe.Fit(x);
        var z = model.Transform(x);
        Assert.Equal(8, z.ColumnCount); // 4 imputed + 4 indicators (every column has a missing value)
        Assert.Equal("miss__missingindicator_Beak Length (mm)", z.ColumnNames[4]);
        AssertSameFrame(z, Reload(model).Transform(x));
    }
}
