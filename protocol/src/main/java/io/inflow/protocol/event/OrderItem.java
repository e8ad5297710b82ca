package io.inflow.protocol.event;

import java.math.BigDecimal;

/** One line of an order. */
public record OrderItem(String sku, int quantity, BigDecimal price) {}
