#!/bin/bash
echo installing
