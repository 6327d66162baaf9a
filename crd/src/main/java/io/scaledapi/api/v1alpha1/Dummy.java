package io.scaledapi.api.v1alpha1;

public class Dummy {}
