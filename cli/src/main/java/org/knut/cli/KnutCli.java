package org.knut.cli;
public class KnutCli { public static void main(String[] a) {} }
