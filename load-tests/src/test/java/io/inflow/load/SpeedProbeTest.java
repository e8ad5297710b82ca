package io.inflow.load;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class SpeedProbeTest {

  @Test
  void summarisesCpuNanosPerUnitInMicroseconds() {
    long[] nanos = new long[10];
    for (int i = 0; i < 10; i++) nanos[i] = (10 - i) * 1_000_000L; // 1..10 ms, unsorted
    assertEquals("units 10 meanMicros 5500.0 p10Micros 2000.0 p90Micros 10000.0", SpeedProbe.summary(nanos));
    assertEquals("units 0 meanMicros 0 p10Micros 0 p90Micros 0", SpeedProbe.summary(new long[0]));
  }
}
