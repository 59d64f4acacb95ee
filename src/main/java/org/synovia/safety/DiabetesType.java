package org.synovia.safety;

public enum DiabetesType {
    NONE, TYPE_1, TYPE_2, OTHER
}
