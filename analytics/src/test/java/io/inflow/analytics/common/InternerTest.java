package io.inflow.analytics.common;

import static org.junit.jupiter.api.Assertions.*;

import org.junit.jupiter.api.Test;

class InternerTest {

  @Test
  void equalValuesGetTheFirstInstanceUpToTheCapacityThenComeBackAsTheyWere() {
    Interner interner = new Interner(2);
    String eur = new String("EUR");
    assertSame(eur, interner.intern(eur));
    assertSame(eur, interner.intern(new String("EUR")));
    String pln = new String("PLN");
    assertSame(pln, interner.intern(pln));
    String usd = new String("USD"); // a third distinct value: not held
    assertSame(usd, interner.intern(usd));
    String usdAgain = new String("USD");
    assertSame(usdAgain, interner.intern(usdAgain));
    assertEquals(2, interner.size());
    assertSame(pln, interner.intern(new String("PLN")));
  }

  @Test
  void nullStaysNullAndANegativeCapacityIsRefused() {
    assertNull(new Interner(4).intern(null));
    assertEquals(0, new Interner(0).size());
    assertThrows(IllegalArgumentException.class, () -> new Interner(-1));
  }
}
